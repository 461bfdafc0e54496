<#
.SYNOPSIS
    Turns the PlatyPS-style help pages in docs/en-US into the files Get-Help reads.
.DESCRIPTION
    Command pages (Verb-Noun.md) become one MAML file per "external help file" named in their
    front matter (PinterestAds.dll-Help.xml); about pages (about_*.md) become about_*.help.txt.
    Written because PlatyPS is not reachable from the build; the pages remain valid PlatyPS input.
    A page that cannot be parsed stops the build with the page's path in the error.
.EXAMPLE
    ./tools/ConvertTo-PinMamlHelp.ps1 -Path docs/en-US -OutputFolder out/PinterestAds/0.1.0/en-US
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $OutputFolder,
    # The MAML file to write even when no page names it (a module with no pages yet).
    [string] $DefaultHelpFile = 'PinterestAds.dll-Help.xml'
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'Help/PinHelpMarkdown.psm1') -Force

$null = New-Item -ItemType Directory -Path $OutputFolder -Force
$pages = @(Get-ChildItem -Path $Path -Filter '*.md' -File -ErrorAction SilentlyContinue | Where-Object Name -notlike 'about_*')
$abouts = @(Get-ChildItem -Path $Path -Filter 'about_*.md' -File -ErrorAction SilentlyContinue)

$parsed = foreach ($page in $pages) {
    try { ConvertFrom-PinHelpMarkdown -Path $page.FullName }
    catch { throw "Help page $($page.FullName) could not be read: $($_.Exception.Message)" }
}
$byHelpFile = @{ $DefaultHelpFile = [System.Collections.Generic.List[object]]::new() }
foreach ($page in @($parsed)) {
    $file = if ($page.FrontMatter.Contains('external help file') -and $page.FrontMatter['external help file']) { $page.FrontMatter['external help file'] } else { $DefaultHelpFile }
    if (-not $byHelpFile.ContainsKey($file)) { $byHelpFile[$file] = [System.Collections.Generic.List[object]]::new() }
    $byHelpFile[$file].Add($page)
}
foreach ($file in $byHelpFile.Keys) {
    ConvertTo-PinMaml -Pages $byHelpFile[$file].ToArray() -OutputPath (Join-Path $OutputFolder $file)
}
foreach ($about in $abouts) {
    ConvertTo-PinAboutHelpText -Path $about.FullName -OutputPath (Join-Path $OutputFolder ($about.BaseName + '.help.txt'))
}
Write-Verbose ("{0} command pages, {1} about topics -> {2}" -f $pages.Count, $abouts.Count, $OutputFolder)
