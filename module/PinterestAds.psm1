# Root module: loads the cmdlet assembly built for the running edition and exports its cmdlets.
#   PowerShell 7 (Core):   PinterestAds.dll (net8.0) here; the engine and every third-party
#                          assembly in dependencies/, loaded into a private AssemblyLoadContext.
#   Windows PowerShell:    desktop/PinterestAds.dll (netstandard2.0) with its dependencies beside it.
# The manifest's CmdletsToExport is the explicit list; nothing is written to the pipeline.
$assemblyPath = if ($PSEdition -eq 'Core') {
    Join-Path $PSScriptRoot 'PinterestAds.dll'
}
else {
    Join-Path (Join-Path $PSScriptRoot 'desktop') 'PinterestAds.dll'
}

if ($PSEdition -eq 'Core') {
    # PowerShell scans every cmdlet type when it imports the assembly, and those types reference the
    # engine, which lives in dependencies/: install the resolver first, then import. Loaded directly:
    # Add-Type -Path does the same load but its first use in a process costs about 250 ms.
    $null = [System.Reflection.Assembly]::LoadFrom($assemblyPath)
    [PinterestAds.PowerShell.Loading.ModuleInitializer]::new().OnImport()
}

$binaryModule = Import-Module -Name $assemblyPath -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($binaryModule.ExportedCmdlets.Keys)
