# Help: the markdown -> MAML converter itself (on the example page of docs/help-pages.md), and
# every exported cmdlet's page against the real cmdlet through Get-Help on the built module.
BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    $cmdlets = @(Get-PinExportedCmdletInfo | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestSupport.psm1" -Force
    Import-PinHelpTools
    $repoRoot = Get-PinRepoRoot
    $exported = @(Get-PinExportedCmdletInfo | ForEach-Object Name)

    # The complete page inside docs/help-pages.md, between its markers, without the outer fence.
    function Get-ExamplePageText {
        $text = Get-Content -Raw (Join-Path $repoRoot 'docs/help-pages.md')
        if ($text -notmatch '(?s)<!-- example-page:start -->\s*````markdown\r?\n(.*?)\r?\n````\s*<!-- example-page:end -->') {
            throw 'docs/help-pages.md lost its example-page markers'
        }
        $Matches[1]
    }

    # A script function with the example page's parameters, reading its help from MAML the way
    # a binary cmdlet does, so Get-Help can be exercised without any particular cmdlet existing.
    $fixtureFunction = @'
function Get-PinCampaign {
    # .EXTERNALHELP {0}
    [CmdletBinding(DefaultParameterSetName = 'ByAdAccount')]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [Alias('ad_account_id')] [string] $AdAccountId,
        [Parameter(Mandatory, ParameterSetName = 'ById')] [string[]] $CampaignId,
        [Parameter(ParameterSetName = 'ByAdAccount')] [ValidateSet('ACTIVE', 'PAUSED', 'ARCHIVED')] [string[]] $EntityStatus,
        [object] $Session
    )
}
'@

    $workFolder = Join-Path ([IO.Path]::GetTempPath()) ('pinads-help-' + [guid]::NewGuid().ToString('N'))
    $docsFolder = Join-Path $workFolder 'docs'
    $helpFolder = Join-Path $workFolder 'en-US'
    $null = New-Item -ItemType Directory -Path $docsFolder, $helpFolder -Force
    Set-Content -Path (Join-Path $docsFolder 'Get-PinCampaign.md') -Value (Get-ExamplePageText) -Encoding utf8
    Copy-Item (Join-Path $repoRoot 'docs/en-US/about_PinterestAds.md') $docsFolder
    & (Join-Path $repoRoot 'tools/ConvertTo-PinMamlHelp.ps1') -Path $docsFolder -OutputFolder $helpFolder
    $mamlPath = Join-Path $helpFolder 'PinterestAds.dll-Help.xml'
}

AfterAll {
    if ($workFolder) { Remove-Item $workFolder -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Markdown to MAML converter' {
    It 'writes well-formed MAML with the maml, command and dev namespaces' {
        $xml = [xml](Get-Content -Raw $mamlPath)
        $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
        $ns.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
        $ns.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
        $ns.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
        $xml.DocumentElement.LocalName | Should -Be 'helpItems'
        $xml.SelectSingleNode('//command:command/command:details/command:name', $ns).InnerText | Should -Be 'Get-PinCampaign'
        $xml.SelectNodes('//command:syntax/command:syntaxItem', $ns).Count | Should -Be 2
        $xml.SelectNodes('//command:parameters/command:parameter', $ns).Count | Should -Be 4
        $xml.SelectNodes('//command:examples/command:example/dev:code', $ns).Count | Should -Be 2
    }

    It 'parses the example page into facts that match an equivalent command' {
        $page = ConvertFrom-PinHelpMarkdown -Path (Join-Path $docsFolder 'Get-PinCampaign.md')
        . ([scriptblock]::Create(($fixtureFunction -replace '\{0\}', $mamlPath)))
        $problems = @(Compare-PinHelpPageToCommand -Page $page -Command (Get-Command Get-PinCampaign))
        $problems | Should -BeNullOrEmpty
    }

    It 'reports a page whose facts disagree with the command' {
        $wrong = (Get-ExamplePageText) -replace '(?s)(### -CampaignId.*?Required: )True', '${1}False' -replace '### -Session', '### -Sessions'
        $wrongPath = Join-Path $workFolder 'wrong.md'
        Set-Content -Path $wrongPath -Value $wrong -Encoding utf8
        $page = ConvertFrom-PinHelpMarkdown -Path $wrongPath
        . ([scriptblock]::Create(($fixtureFunction -replace '\{0\}', $mamlPath)))
        $problems = @(Compare-PinHelpPageToCommand -Page $page -Command (Get-Command Get-PinCampaign))
        $problems -join "`n" | Should -Match '-CampaignId \[ById\]: page says Required False'
        $problems -join "`n" | Should -Match '-Session: exists but is not documented'
        $problems -join "`n" | Should -Match '-Sessions: documented but does not exist'
    }

    It 'extracts runnable example code without prompts' {
        $examples = @(Get-PinHelpExampleCode -Path (Join-Path $docsFolder 'Get-PinCampaign.md'))
        $examples.Count | Should -Be 2
        $examples[0].Code | Should -Be 'Get-PinAdAccount | Get-PinCampaign -EntityStatus ACTIVE'
        { [scriptblock]::Create($examples[1].Code) } | Should -Not -Throw
    }

    It 'serves Get-Help -Full, -Examples and -Parameter in a fresh pwsh' {
        $script = ($fixtureFunction -replace '\{0\}', $mamlPath) + @'

$full = Get-Help Get-PinCampaign -Full
$examples = Get-Help Get-PinCampaign -Examples
$parameter = Get-Help Get-PinCampaign -Parameter CampaignId
Write-PinTestResult @{
    Synopsis     = $full.Synopsis
    Description  = ($full.description | ForEach-Object Text) -join "`n"
    SyntaxCount  = @($full.syntax.syntaxItem).Count
    ExampleCodes = @($examples.examples.example | ForEach-Object code)
    ExampleText  = ($examples | Out-String -Width 200)
    Required     = $parameter.required
    Pipeline     = (Get-Help Get-PinCampaign -Parameter AdAccountId).pipelineInput
    Position     = (Get-Help Get-PinCampaign -Parameter AdAccountId).position
    Notes        = ($full.alertSet.alert | ForEach-Object Text) -join ' '
    Links        = @($full.relatedLinks.navigationLink | ForEach-Object linkText)
    FullText     = ($full | Out-String -Width 200)
}
'@
        $run = Invoke-PinFreshPwsh -Script $script
        $run.Error | Should -BeNullOrEmpty
        $result = $run.Result
        $result.Synopsis | Should -Be 'Lists the campaigns of a Pinterest ad account.'
        $result.Description | Should -Match 'follows the bookmark cursor'
        $result.SyntaxCount | Should -Be 2
        $result.ExampleCodes.Count | Should -Be 2
        $result.ExampleCodes[0] | Should -Be 'Get-PinAdAccount | Get-PinCampaign -EntityStatus ACTIVE'
        $result.ExampleText | Should -Match 'Example 2: Export two campaigns to CSV'
        $result.Required | Should -Be 'true'
        $result.Pipeline | Should -Be 'True (ByPropertyName)'
        $result.Position | Should -Be '0'
        $result.Notes | Should -Match 'ads_read'
        $result.Links | Should -Contain 'Get-PinAdAccount'
        $result.FullText | Should -Match 'ACTIVE'
    }

    It 'converts the about topic to about_PinterestAds.help.txt' {
        $text = Get-Content -Raw (Join-Path $helpFolder 'about_PinterestAds.help.txt')
        $text | Should -Match '(?m)^TOPIC\s*\r?\n\s+about_pinterestads'
        $text | Should -Match '(?m)^SHORT DESCRIPTION'
        $text | Should -Match '(?m)^LONG DESCRIPTION'
        @($text -split '\r?\n' | Where-Object { $_.Length -gt 80 -and $_ -notmatch '^\s{8}' }) | Should -BeNullOrEmpty -Because 'prose is wrapped at 80 columns'
    }
}

Describe 'Built module help' {
    It 'Get-Help about_PinterestAds finds the about topic of the built module' {
        $run = Invoke-PinFreshPwsh -Script @'
Import-Module PinterestAds
$about = Get-Help about_PinterestAds
Write-PinTestResult @{ Text = ($about | Out-String) }
'@
        $run.Error | Should -BeNullOrEmpty
        $run.Result.Text | Should -Match 'SHORT DESCRIPTION'
    }

    It 'has no page for a cmdlet that does not exist' {
        $pages = @(Get-ChildItem (Get-PinDocsPath) -Filter '*.md' -File | Where-Object Name -notlike 'about_*' | ForEach-Object BaseName)
        @($pages | Where-Object { $_ -notin $exported }) | Should -BeNullOrEmpty
    }

    It 'has page titles that match their file names' {
        foreach ($page in @(Get-PinHelpPage)) {
            $page.Name | Should -Be ([IO.Path]::GetFileNameWithoutExtension($page.Path))
            $page.FrontMatter['external help file'] | Should -Be 'PinterestAds.dll-Help.xml'
            $page.FrontMatter['Module Name'] | Should -Be 'PinterestAds'
            $page.FrontMatter['schema'] | Should -Be '2.0.0'
        }
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $pagePath = Join-Path (Get-PinDocsPath) "$Name.md"
        $page = if (Test-Path $pagePath) { ConvertFrom-PinHelpMarkdown -Path $pagePath } else { $null }
        $help = Get-Help $Name -Full
    }

    It 'has a page docs/en-US/<Name>.md' {
        $pagePath | Should -Exist
    }

    It 'has a synopsis from the page' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$Name\s+\[" -Because 'a synopsis that is the syntax line means no MAML was found'
        $help.Synopsis | Should -Not -Match '\{\{' -Because 'PlatyPS placeholders must be replaced'
    }

    It 'has a description' {
        ($help.description | ForEach-Object Text) -join '' | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It 'documents exactly the real parameters with the real sets, Required, Position and pipeline input' {
        $page | Should -Not -BeNullOrEmpty
        @(Compare-PinHelpPageToCommand -Page $page -Command (Get-Command $Name)) | Should -BeNullOrEmpty
    }
}
