# Dependency isolation on PowerShell 7: the engine and its third-party assemblies load in the
# module's private AssemblyLoadContext, so a session that already holds other versions of
# Microsoft.Extensions.* (another module, Add-Type) works with PinterestAds in either order.
BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-Module (Join-Path (Get-PinRepoRoot) 'tools/Build/PinBuild.psm1') -Force
    $modulePath = Get-PinModulePath
    $manifest = Import-PowerShellDataFile (Get-PinModuleManifestPath)

    # Microsoft.Extensions.Http 6.0.0 and its dependencies, from tools/PackageDownloads.
    $oldVersion = '6.0.0'
    $oldPackages = 'Microsoft.Extensions.Primitives', 'Microsoft.Extensions.Options', 'Microsoft.Extensions.DependencyInjection.Abstractions',
    'Microsoft.Extensions.DependencyInjection', 'Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.Logging', 'Microsoft.Extensions.Http'
    $nugetFolder = Get-PinNuGetPackagesFolder
    if (-not (Test-Path (Join-Path $nugetFolder "microsoft.extensions.http/$oldVersion"))) {
        Invoke-PinNative dotnet restore (Join-Path (Get-PinRepoRoot) 'tools/PackageDownloads/PackageDownloads.csproj') --verbosity quiet
    }
    $oldAssemblies = foreach ($package in $oldPackages) {
        $lib = Join-Path $nugetFolder "$($package.ToLowerInvariant())/$oldVersion/lib"
        $framework = 'net6.0', 'netcoreapp3.1', 'netstandard2.1', 'netstandard2.0' | Where-Object { Test-Path (Join-Path $lib "$_/$package.dll") } | Select-Object -First 1
        if (-not $framework) { throw "No usable lib of $package $oldVersion under $lib" }
        Join-Path $lib "$framework/$package.dll"
    }
    $oldAssemblyList = ($oldAssemblies | ForEach-Object { "'" + ($_ -replace "'", "''") + "'" }) -join ', '

    # Loads the older assemblies into the default context and proves they work there.
    $loadOld = @"
Add-Type -Path @($oldAssemblyList)
`$oldOptions = [Microsoft.Extensions.Http.HttpClientFactoryOptions]::new()
`$oldVersionLoaded = `$oldOptions.GetType().Assembly.GetName().Version.ToString()
"@

    # Makes the module load its engine (as the first cmdlet call would), then builds an
    # IHttpClientFactory from the module's own Microsoft.Extensions.* copies and returns where
    # everything came from. Real cmdlets additionally run against the emulator below.
    $probeModule = @'
$engineName = [Reflection.AssemblyName]::new('PinterestAds.Engine')
$engine = [System.Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyName($engineName)
$context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
$http = $context.LoadFromAssemblyName([Reflection.AssemblyName]::new('Microsoft.Extensions.Http'))
$di = $context.LoadFromAssemblyName([Reflection.AssemblyName]::new('Microsoft.Extensions.DependencyInjection'))
$abstractions = $context.LoadFromAssemblyName([Reflection.AssemblyName]::new('Microsoft.Extensions.DependencyInjection.Abstractions'))
$serviceCollectionInterface = $abstractions.GetType('Microsoft.Extensions.DependencyInjection.IServiceCollection', $true)
function Get-StaticMethod($Assembly, [string] $TypeName, [string] $Name) {
    # The non-generic overload taking only an IServiceCollection (AddHttpClient has generic twins).
    $Assembly.GetType($TypeName, $true).GetMethods() | Where-Object {
        $_.Name -eq $Name -and -not $_.IsGenericMethodDefinition -and
        @($_.GetParameters()).Count -eq 1 -and $_.GetParameters()[0].ParameterType -eq $serviceCollectionInterface
    } | Select-Object -First 1
}
$services = [Activator]::CreateInstance($di.GetType('Microsoft.Extensions.DependencyInjection.ServiceCollection', $true))
$null = (Get-StaticMethod $http 'Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions' 'AddHttpClient').Invoke($null, [object[]]@(, $services))
$provider = (Get-StaticMethod $di 'Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions' 'BuildServiceProvider').Invoke($null, [object[]]@(, $services))
$factoryInterface = $http.GetType('System.Net.Http.IHttpClientFactory', $true)
$factory = $provider.GetService($factoryInterface)
$client = $factoryInterface.GetMethod('CreateClient').Invoke($factory, @('probe'))
$moduleProbe = @{
    EngineContext   = $context.Name
    HttpContext     = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($http).Name
    HttpVersion     = $http.GetName().Version.ToString()
    HttpLocation    = $http.Location
    ClientCreated   = $client -is [System.Net.Http.HttpClient]
}
'@

    # With real cmdlets and the emulator, a call that goes over HTTP through the engine.
    # The support module (its emulator launcher) is imported in the child too: TestSupport.psm1 loads no assembly.
    $emulatorModule = Join-Path $PSScriptRoot 'TestSupport.psm1'
    $callEmulator = @"
Import-Module '$($emulatorModule -replace "'", "''")'
`$emulator = Start-PinTestEmulator
try {
    Connect-PinAccount -ApiBaseUri `$emulator.ApiBaseUri -AccessToken (ConvertTo-SecureString 'emulator-access-token' -AsPlainText -Force)
    `$accountCount = @(Get-PinAdAccount).Count
}
finally { Stop-PinTestEmulator `$emulator }
"@

    $report = @'
Write-PinTestResult @{
    OldVersion   = $oldVersionLoaded
    OldContext   = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($oldOptions.GetType().Assembly).Name
    Module       = $moduleProbe
    Commands     = @(Get-Command -Module PinterestAds).Count
    AccountCount = $accountCount
}
'@
}

Describe 'Module layout for isolation' {
    It 'keeps only the cmdlet assembly in the module root' {
        @(Get-ChildItem $modulePath -Filter '*.dll' -File | ForEach-Object Name) | Should -Be @('PinterestAds.dll')
    }

    It 'ships the engine and Microsoft.Extensions.Http in dependencies/' {
        Join-Path $modulePath 'dependencies/PinterestAds.Engine.dll' | Should -Exist
        Join-Path $modulePath 'dependencies/Microsoft.Extensions.Http.dll' | Should -Exist
    }

    It 'ships a Windows PowerShell build in desktop/ with its help' {
        Join-Path $modulePath 'desktop/PinterestAds.dll' | Should -Exist
        Join-Path $modulePath 'desktop/PinterestAds.Engine.dll' | Should -Exist
        Join-Path $modulePath 'desktop/en-US/PinterestAds.dll-Help.xml' | Should -Exist
    }

    It 'has a cmdlet assembly that references no third-party assembly directly (only the engine)' {
        $run = Invoke-PinFreshPwsh -Script @'
Import-Module PinterestAds
$assembly = (Get-Module PinterestAds -All | Where-Object { $_.ModuleType -eq 'Binary' }).ImplementingAssembly
Write-PinTestResult @{ References = @($assembly.GetReferencedAssemblies().Name) }
'@
        $run.Error | Should -BeNullOrEmpty
        $shipped = @(Get-ChildItem (Join-Path $modulePath 'dependencies') -Filter '*.dll' | ForEach-Object BaseName)
        $frameworkFolder = Split-Path ([object].Assembly.Location)
        $privateReferences = @($run.Result.References | Where-Object {
                $_ -in $shipped -and $_ -ne 'PinterestAds.Engine' -and -not (Test-Path (Join-Path $frameworkFolder "$_.dll"))
            })
        $privateReferences | Should -BeNullOrEmpty -Because 'the cmdlets must reach third-party code through the engine, or the default load context would bind it'
    }
}

Describe 'Older Microsoft.Extensions.Http loaded first, then PinterestAds' {
    BeforeAll {
        $run = Invoke-PinFreshPwsh -Script ($loadOld + "`nImport-Module PinterestAds`n" + $probeModule + "`n" + $callEmulator + "`n" + $report)
    }

    It 'runs without errors' {
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
    }

    It 'keeps the session''s 6.0 copy in the default context' {
        $run.Result.OldVersion | Should -Be '6.0.0.0'
        $run.Result.OldContext | Should -Be 'Default'
    }

    It 'loads the module''s own copies into its private context' {
        $run.Result.Module.EngineContext | Should -Be 'PinterestAds'
        $run.Result.Module.HttpContext | Should -Be 'PinterestAds'
        $run.Result.Module.HttpVersion | Should -Not -Be '6.0.0.0'
        $run.Result.Module.HttpLocation | Should -BeLike (Join-Path $modulePath 'dependencies*')
        $run.Result.Module.ClientCreated | Should -BeTrue
    }

    It 'reads ad accounts from the emulator' {
        $run.Result.AccountCount | Should -BeGreaterThan 0
    }
}

Describe 'PinterestAds first, then the older Microsoft.Extensions.Http' {
    BeforeAll {
        $run = Invoke-PinFreshPwsh -Script ("Import-Module PinterestAds`n" + $probeModule + "`n" + $callEmulator + "`n" + $loadOld + "`n" + $report)
    }

    It 'runs without errors' {
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
    }

    It 'still lets the session load and use its 6.0 copy' {
        $run.Result.OldVersion | Should -Be '6.0.0.0'
        $run.Result.OldContext | Should -Be 'Default'
        $run.Result.Module.HttpContext | Should -Be 'PinterestAds'
    }

    It 'reads ad accounts from the emulator' {
        $run.Result.AccountCount | Should -BeGreaterThan 0
    }
}

Describe 'Public surface' {
    It 'exposes no Microsoft.Extensions types in the public members of the module''s assemblies' {
        $run = Invoke-PinFreshPwsh -Script @'
Import-Module PinterestAds
$engine = [System.Runtime.Loader.AssemblyLoadContext]::Default.LoadFromAssemblyName([Reflection.AssemblyName]::new('PinterestAds.Engine'))
$cmdlets = (Get-Module PinterestAds -All | Where-Object { $_.ModuleType -eq 'Binary' }).ImplementingAssembly
$flags = [Reflection.BindingFlags]'Public, NonPublic, Instance, Static, DeclaredOnly'
function Get-Mentioned([type] $Type) {
    if ($null -eq $Type) { return }
    $Type
    if ($Type.HasElementType) { Get-Mentioned $Type.GetElementType() }
    if ($Type.IsGenericType) { foreach ($argument in $Type.GetGenericArguments()) { Get-Mentioned $argument } }
}
$violations = foreach ($assembly in $cmdlets, $engine) {
    foreach ($type in $assembly.GetExportedTypes()) {
        $mentioned = @()
        $mentioned += Get-Mentioned $type.BaseType
        foreach ($interface in $type.GetInterfaces()) { $mentioned += Get-Mentioned $interface }
        foreach ($member in $type.GetMembers($flags)) {
            $visible = switch ($member.MemberType) {
                'Method' { $member.IsPublic -or $member.IsFamily -or $member.IsFamilyOrAssembly }
                'Constructor' { $member.IsPublic -or $member.IsFamily -or $member.IsFamilyOrAssembly }
                'Field' { $member.IsPublic -or $member.IsFamily -or $member.IsFamilyOrAssembly }
                'Property' { @($member.GetAccessors($false)).Count -gt 0 }
                'Event' { $null -ne $member.GetAddMethod($false) }
                default { $false }
            }
            if (-not $visible) { continue }
            switch ($member.MemberType) {
                'Method' { $mentioned += Get-Mentioned $member.ReturnType; foreach ($p in $member.GetParameters()) { $mentioned += Get-Mentioned $p.ParameterType } }
                'Constructor' { foreach ($p in $member.GetParameters()) { $mentioned += Get-Mentioned $p.ParameterType } }
                'Field' { $mentioned += Get-Mentioned $member.FieldType }
                'Property' { $mentioned += Get-Mentioned $member.PropertyType }
                'Event' { $mentioned += Get-Mentioned $member.EventHandlerType }
            }
        }
        foreach ($m in $mentioned) { if ($m.FullName -like 'Microsoft.Extensions.*') { "$($type.FullName) exposes $($m.FullName)" } }
    }
}
Write-PinTestResult @{ Violations = @($violations | Select-Object -Unique); Checked = @($cmdlets.GetName().Name, $engine.GetName().Name) }
'@
        $run.Error | Should -BeNullOrEmpty
        @($run.Result.Checked) | Should -Be @('PinterestAds', 'PinterestAds.Engine')
        @($run.Result.Violations) | Should -BeNullOrEmpty
    }
}

Describe 'SQLite in the private load context' {
    BeforeAll {
        $sqliteOld = Join-Path $nugetFolder 'sqlitepclraw.core/2.0.6/lib/netstandard2.0/SQLitePCLRaw.core.dll'
        if (-not (Test-Path $sqliteOld)) { Invoke-PinNative dotnet restore (Join-Path (Get-PinRepoRoot) 'tools/PackageDownloads/PackageDownloads.csproj') --verbosity quiet }
        $emulatorModuleText = $emulatorModule -replace "'", "''"
        $run = Invoke-PinFreshPwsh -Script @"
Add-Type -Path '$($sqliteOld -replace "'", "''")'
`$oldSqlite = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'SQLitePCLRaw.core' } | Select-Object -First 1
Import-Module PinterestAds
Import-Module '$emulatorModuleText'
`$emulator = Start-PinTestEmulator -Option @{ AdAccounts = 1; CampaignsPerAccount = 1; AdGroupsPerCampaign = 1; AdsPerAdGroup = 1 }
try {
    Connect-PinAccount -ApiBaseUri `$emulator.ApiBaseUri -AccessToken (ConvertTo-SecureString 'emulator-access-token' -AsPlainText -Force)
    `$file = Join-Path ([IO.Path]::GetTempPath()) ('pin-iso-' + [guid]::NewGuid().ToString('N') + '.sqlite')
    `$summary = Sync-PinAnalytics -Destination `$file -Column SPEND_IN_DOLLAR -StartDate ([datetime]::UtcNow.Date.AddDays(-3))
}
finally { Stop-PinTestEmulator `$emulator }
`$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'Microsoft.Data.Sqlite', 'SQLitePCLRaw.core', 'SQLitePCLRaw.provider.e_sqlite3' }
`$native = if (Test-Path /proc/self/maps) { @(Get-Content /proc/self/maps | Where-Object { `$_ -match 'libe_sqlite3' } | ForEach-Object { (`$_ -split '\s+', 6)[5] } | Select-Object -Unique) } else { @() }
Write-PinTestResult @{
    OldVersion = `$oldSqlite.GetName().Version.ToString()
    OldContext = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$oldSqlite).Name
    Loaded     = @(`$loaded | ForEach-Object { @{ Name = `$_.GetName().Name; Version = `$_.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name; Location = `$_.Location } })
    Native     = `$native
    Rows       = `$summary.RowsWritten
    Failed     = `$summary.Failed
}
"@
    }

    It 'syncs into SQLite next to an older SQLitePCLRaw in the session' {
        $run.Error | Should -BeNullOrEmpty
        $run.Result.Failed | Should -Be 0
        $run.Result.OldVersion | Should -BeLike '2.0.6*'
        $run.Result.OldContext | Should -Be 'Default'
    }

    It 'loads Microsoft.Data.Sqlite and its SQLitePCLRaw from dependencies/ into the module''s context' {
        $ours = @($run.Result.Loaded | Where-Object Context -eq 'PinterestAds')
        @($ours.Name | Sort-Object) | Should -Be @('Microsoft.Data.Sqlite', 'SQLitePCLRaw.core', 'SQLitePCLRaw.provider.e_sqlite3')
        foreach ($assembly in $ours) { $assembly.Location | Should -BeLike (Join-Path $modulePath 'dependencies*') }
        ($ours | Where-Object Name -eq 'SQLitePCLRaw.core').Version | Should -Not -BeLike '2.0.6*'
    }

    It 'resolves the native e_sqlite3 from the module''s runtimes folder' {
        if (-not $IsLinux) { Set-ItResult -Skipped -Because 'reads /proc/self/maps'; return }
        @($run.Result.Native) | Should -Not -BeNullOrEmpty
        foreach ($path in $run.Result.Native) { $path | Should -BeLike (Join-Path $modulePath 'dependencies/runtimes/*/native/*') }
    }

    It 'ships the native library for the platforms PowerShell 7 runs on' {
        foreach ($rid in 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx-arm64', 'win-x64') {
            @(Get-ChildItem (Join-Path $modulePath "dependencies/runtimes/$rid/native") -File -ErrorAction SilentlyContinue) | Should -Not -BeNullOrEmpty -Because "$rid needs e_sqlite3"
        }
    }
}
