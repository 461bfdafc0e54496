# Reads PlatyPS-style help pages (schema 2.0.0, as New-MarkdownHelp writes them) into objects,
# and writes them as MAML (what Get-Help reads for binary cmdlets) or as about_*.help.txt.
# PlatyPS itself is not reachable from this build, so this is our own, smaller implementation
# of the same page format; pages stay valid PlatyPS input. docs/help-pages.md describes the format.
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$MamlNamespace = 'http://schemas.microsoft.com/maml/2004/10'
$CommandNamespace = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$DevNamespace = 'http://schemas.microsoft.com/maml/dev/2004/10'
$MsHelpNamespace = 'http://msdn.microsoft.com/mshelp'
$CommonParametersSentence = 'This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, -OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable.'

#region Markdown structure

function Split-PinMarkdownSections {
    <#
    Splits markdown lines into headed sections, ignoring '#' lines inside code fences.
    Returns objects with Level, Title, Lines (the body up to the next heading of any level).
    #>
    param([string[]] $Lines)
    $sections = [System.Collections.Generic.List[object]]::new()
    $current = [pscustomobject]@{ Level = 0; Title = ''; Lines = [System.Collections.Generic.List[string]]::new() }
    $inFence = $false
    foreach ($line in $Lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^(#{1,6})\s+(.*?)\s*#*\s*$') {
            $sections.Add($current)
            $current = [pscustomobject]@{ Level = $Matches[1].Length; Title = $Matches[2]; Lines = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        $current.Lines.Add($line)
    }
    $sections.Add($current)
    $sections
}

function Get-PinMarkdownBlocks {
    <#
    Splits a section body into blocks: fenced code (Kind 'Code', with Info string) and text
    paragraphs (Kind 'Text') separated by blank lines.
    #>
    param([string[]] $Lines)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $buffer = [System.Collections.Generic.List[string]]::new()
    $inFence = $false
    $info = ''
    $flushText = {
        if ($buffer.Count -gt 0) {
            $blocks.Add([pscustomobject]@{ Kind = 'Text'; Info = ''; Text = ($buffer -join "`n") })
            $buffer.Clear()
        }
    }
    foreach ($line in $Lines) {
        if ($line -match '^\s*```\s*(\S*)') {
            if (-not $inFence) {
                & $flushText
                $inFence = $true
                $info = $Matches[1]
            }
            else {
                $blocks.Add([pscustomobject]@{ Kind = 'Code'; Info = $info; Text = ($buffer -join "`n") })
                $buffer.Clear()
                $inFence = $false
            }
            continue
        }
        if (-not $inFence -and $line.Trim() -eq '') { & $flushText; continue }
        $buffer.Add($line)
    }
    if ($inFence) { throw 'Unclosed code fence (```).' }
    & $flushText
    $blocks
}

function ConvertTo-PinParagraphs {
    <# Markdown text -> paragraphs for MAML: joins wrapped lines, keeps list items and code on their own lines. #>
    param([string[]] $Lines)
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    foreach ($block in @(Get-PinMarkdownBlocks $Lines)) {
        if ($block.Kind -eq 'Code') { $paragraphs.Add($block.Text); continue }
        $lines = $block.Text -split "`n"
        $isList = $lines[0] -match '^\s*([-*+]|\d+\.)\s'
        if ($isList) { $paragraphs.Add(($lines | ForEach-Object TrimEnd) -join "`n") }
        else { $paragraphs.Add((($lines | ForEach-Object Trim) -join ' ')) }
    }
    , $paragraphs.ToArray()
}

function Read-PinFrontMatter([string[]] $Lines) {
    $result = [ordered]@{}
    if ($Lines.Count -eq 0 -or $Lines[0].Trim() -ne '---') { return [pscustomobject]@{ Values = $result; BodyStart = 0 } }
    for ($i = 1; $i -lt $Lines.Count; $i++) {
        if ($Lines[$i].Trim() -eq '---') { return [pscustomobject]@{ Values = $result; BodyStart = $i + 1 } }
        if ($Lines[$i] -match '^([^:]+):\s*(.*)$') { $result[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    throw 'Front matter opened with --- but never closed.'
}

#endregion

#region Command pages

function ConvertFrom-PinParameterYaml([string] $Text) {
    $values = @{}
    foreach ($line in $Text -split "`n") {
        if ($line -match '^\s*([A-Za-z ]+):\s*(.*)$') { $values[$Matches[1].Trim()] = $Matches[2].Trim() }
    }
    foreach ($key in 'Type', 'Parameter Sets', 'Required', 'Position', 'Accept pipeline input') {
        if (-not $values.ContainsKey($key)) { throw "Parameter yaml block has no '${key}:' line." }
    }
    $split = { param($value) if (-not $value -or $value -eq 'None') { @() } else { @($value -split '\s*,\s*' | Where-Object { $_ }) } }
    [pscustomobject]@{
        Type           = $values['Type']
        ParameterSets  = @(& $split $values['Parameter Sets'])
        Aliases        = @(& $split $values['Aliases'])
        AcceptedValues = @(& $split $values['Accepted values'])
        Required       = $values['Required'] -eq 'True'
        Position       = $values['Position']
        DefaultValue   = if ($values.ContainsKey('Default value')) { $values['Default value'] } else { 'None' }
        PipelineInput  = $values['Accept pipeline input']
        Globbing       = $values['Accept wildcard characters'] -eq 'True'
    }
}

function ConvertFrom-PinHelpMarkdown {
    <#
    .SYNOPSIS
        Parses one PlatyPS command page into an object (name, synopsis, syntax, examples, parameters...).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)] [Alias('FullName')] [string] $Path)
    process {
        $allLines = @(Get-Content -LiteralPath $Path -Encoding utf8)
        $front = Read-PinFrontMatter $allLines
        $bodyLines = if ($front.BodyStart -lt $allLines.Count) { $allLines[$front.BodyStart..($allLines.Count - 1)] } else { @() }
        $sections = @(Split-PinMarkdownSections $bodyLines)
        $title = $sections | Where-Object Level -eq 1 | Select-Object -First 1
        if (-not $title) { throw "$Path has no '# Verb-Noun' title." }

        $page = [ordered]@{
            Path = $Path; Name = $title.Title.Trim(); FrontMatter = $front.Values
            Synopsis = ''; Description = @(); Syntax = @(); Examples = @(); Parameters = @()
            CommonParameters = $false; Inputs = @(); Outputs = @(); Notes = @(); RelatedLinks = @()
        }
        $h2 = ''
        $currentParameter = $null
        $syntax = [System.Collections.Generic.List[object]]::new()
        $examples = [System.Collections.Generic.List[object]]::new()
        $parameters = [System.Collections.Generic.List[object]]::new()
        $inputs = [System.Collections.Generic.List[object]]::new()
        $outputs = [System.Collections.Generic.List[object]]::new()
        foreach ($section in $sections) {
            if ($section.Level -le 1) { continue }
            if ($section.Level -eq 2) { $h2 = $section.Title.Trim().ToUpperInvariant() }
            $text = ($section.Lines -join "`n").Trim()
            switch ($h2) {
                'SYNOPSIS' { $page.Synopsis = ((ConvertTo-PinParagraphs $section.Lines) -join ' ') }
                'DESCRIPTION' { $page.Description = ConvertTo-PinParagraphs $section.Lines }
                'SYNTAX' {
                    foreach ($code in @(Get-PinMarkdownBlocks $section.Lines | Where-Object Kind -eq 'Code')) {
                        $setName = if ($section.Level -eq 3) { $section.Title.Trim() } else { '__AllParameterSets' }
                        $isDefault = $setName -match '\(Default\)\s*$'
                        $syntax.Add([pscustomobject]@{ SetName = ($setName -replace '\s*\(Default\)\s*$', ''); IsDefault = $isDefault; Text = $code.Text.Trim() })
                    }
                }
                'EXAMPLES' {
                    if ($section.Level -eq 3) {
                        $blocks = @(Get-PinMarkdownBlocks $section.Lines)
                        $codeBlocks = @($blocks | Where-Object Kind -eq 'Code')
                        $textLines = @($blocks | Where-Object Kind -eq 'Text' | ForEach-Object { $_.Text; '' })
                        $examples.Add([pscustomobject]@{
                                Title   = $section.Title.Trim()
                                Code    = ($codeBlocks.Text -join "`n`n")
                                Remarks = ConvertTo-PinParagraphs $textLines
                            })
                    }
                }
                'PARAMETERS' {
                    if ($section.Level -eq 3 -and $section.Title -match '^-(\S+)$') {
                        $blocks = @(Get-PinMarkdownBlocks $section.Lines)
                        $yaml = @($blocks | Where-Object { $_.Kind -eq 'Code' -and $_.Info -eq 'yaml' })
                        if ($yaml.Count -eq 0) { throw "$Path, parameter -$($Matches[1]): no yaml block." }
                        $textLines = @($blocks | Where-Object Kind -eq 'Text' | ForEach-Object { $_.Text; '' })
                        $currentParameter = [pscustomobject]@{
                            Name        = $Matches[1]
                            Description = ConvertTo-PinParagraphs $textLines
                            Facts       = @($yaml | ForEach-Object { ConvertFrom-PinParameterYaml $_.Text })
                        }
                        $parameters.Add($currentParameter)
                    }
                    elseif ($section.Level -eq 3 -and $section.Title.Trim() -eq 'CommonParameters') { $page.CommonParameters = $true }
                }
                { $_ -in 'INPUTS', 'OUTPUTS' } {
                    if ($section.Level -eq 3) {
                        $item = [pscustomobject]@{ Type = $section.Title.Trim(); Description = ConvertTo-PinParagraphs $section.Lines }
                        if ($h2 -eq 'INPUTS') { $inputs.Add($item) } else { $outputs.Add($item) }
                    }
                }
                'NOTES' { if ($section.Level -eq 2 -and $text) { $page.Notes = ConvertTo-PinParagraphs $section.Lines } }
                'RELATED LINKS' {
                    $page.RelatedLinks = @([regex]::Matches($text, '\[([^\]]+)\]\(([^)]*)\)') | ForEach-Object {
                            $uri = $_.Groups[2].Value
                            # Links to sibling pages (Get-PinAd.md) are names to Get-Help, not URIs.
                            [pscustomobject]@{ Text = $_.Groups[1].Value; Uri = if ($uri -match '^https?://') { $uri } else { '' } }
                        })
                }
            }
        }
        $page.Syntax = $syntax.ToArray(); $page.Examples = $examples.ToArray(); $page.Parameters = $parameters.ToArray()
        $page.Inputs = $inputs.ToArray(); $page.Outputs = $outputs.ToArray()
        [pscustomobject]$page
    }
}

function Get-PinHelpExampleCode {
    <#
    .SYNOPSIS
        Returns the runnable code of each example of a page, with any "PS C:\>" prompt removed,
        so a test can run the examples against the emulator.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    $page = ConvertFrom-PinHelpMarkdown -Path $Path
    $index = 0
    foreach ($example in $page.Examples) {
        $index++
        [pscustomobject]@{
            Command = $page.Name
            Index   = $index
            Title   = $example.Title
            Code    = (($example.Code -split "`n") | ForEach-Object { $_ -replace '^PS [^>]*>\s?', '' }) -join "`n"
        }
    }
}

#endregion

#region MAML

function Write-PinMamlParas($Writer, [string[]] $Paragraphs) {
    foreach ($paragraph in @($Paragraphs)) {
        $Writer.WriteElementString('maml', 'para', $MamlNamespace, $paragraph)
    }
}

function Write-PinMamlDescription($Writer, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', 'description', $MamlNamespace)
    Write-PinMamlParas $Writer $Paragraphs
    $Writer.WriteEndElement()
}

function Write-PinMamlParameter($Writer, $Parameter, $Facts, [bool] $InSyntax) {
    $isSwitch = $Facts.Type -match '^(System\.Management\.Automation\.)?SwitchParameter$'
    $Writer.WriteStartElement('command', 'parameter', $CommandNamespace)
    $Writer.WriteAttributeString('required', $Facts.Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'true')
    $Writer.WriteAttributeString('globbing', $Facts.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Facts.PipelineInput)
    $Writer.WriteAttributeString('position', $(if ($Facts.Position -match '^\d+$') { $Facts.Position } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($Facts.Aliases.Count) { $Facts.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Parameter.Name)
    Write-PinMamlDescription $Writer $Parameter.Description
    if ($Facts.AcceptedValues.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $CommandNamespace)
        foreach ($value in $Facts.AcceptedValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $CommandNamespace, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $CommandNamespace)
        $Writer.WriteAttributeString('required', $(if ($isSwitch) { 'false' } else { 'true' }))
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Facts.Type)
        $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $DevNamespace)
    $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Facts.Type)
    $Writer.WriteElementString('maml', 'uri', $MamlNamespace, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $DevNamespace, $Facts.DefaultValue)
    $Writer.WriteEndElement()
}

function Get-PinFactsForSet($Parameter, [string] $SetName) {
    foreach ($facts in $Parameter.Facts) {
        if ($facts.ParameterSets -contains '(All)' -or $facts.ParameterSets -contains $SetName) { return $facts }
    }
    $null
}

function Write-PinMamlCommand($Writer, $Page) {
    $verb, $noun = $Page.Name -split '-', 2
    $Writer.WriteStartElement('command', 'command', $CommandNamespace)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $MamlNamespace)
    $Writer.WriteAttributeString('xmlns', 'command', $null, $CommandNamespace)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $DevNamespace)
    $Writer.WriteAttributeString('xmlns', 'MSHelp', $null, $MsHelpNamespace)

    $Writer.WriteStartElement('command', 'details', $CommandNamespace)
    $Writer.WriteElementString('command', 'name', $CommandNamespace, $Page.Name)
    $Writer.WriteElementString('command', 'verb', $CommandNamespace, $verb)
    $Writer.WriteElementString('command', 'noun', $CommandNamespace, $noun)
    Write-PinMamlDescription $Writer @($Page.Synopsis)
    $Writer.WriteEndElement()

    Write-PinMamlDescription $Writer $Page.Description

    $Writer.WriteStartElement('command', 'syntax', $CommandNamespace)
    foreach ($syntax in $Page.Syntax) {
        $Writer.WriteStartElement('command', 'syntaxItem', $CommandNamespace)
        $Writer.WriteElementString('maml', 'name', $MamlNamespace, $Page.Name)
        # Same order as the page's syntax line for this set.
        $order = @([regex]::Matches($syntax.Text, '(?<![\w-])-(\w+)') | ForEach-Object { $_.Groups[1].Value })
        $inSet = @($Page.Parameters | Where-Object { Get-PinFactsForSet $_ $syntax.SetName })
        $sorted = @($inSet | Sort-Object { $i = [array]::IndexOf($order, $_.Name); if ($i -lt 0) { [int]::MaxValue } else { $i } })
        foreach ($parameter in $sorted) {
            Write-PinMamlParameter $Writer $parameter (Get-PinFactsForSet $parameter $syntax.SetName) $true
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $CommandNamespace)
    foreach ($parameter in $Page.Parameters) { Write-PinMamlParameter $Writer $parameter $parameter.Facts[0] $false }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ List = 'inputTypes'; Item = 'inputType'; Values = $Page.Inputs }, @{ List = 'returnValues'; Item = 'returnValue'; Values = $Page.Outputs })) {
        $Writer.WriteStartElement('command', $kind.List, $CommandNamespace)
        foreach ($value in $kind.Values) {
            $Writer.WriteStartElement('command', $kind.Item, $CommandNamespace)
            $Writer.WriteStartElement('dev', 'type', $DevNamespace)
            $Writer.WriteElementString('maml', 'name', $MamlNamespace, $value.Type)
            $Writer.WriteEndElement()
            Write-PinMamlDescription $Writer $value.Description
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $MamlNamespace)
    $Writer.WriteStartElement('maml', 'alert', $MamlNamespace)
    Write-PinMamlParas $Writer $Page.Notes
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $CommandNamespace)
    foreach ($example in $Page.Examples) {
        $Writer.WriteStartElement('command', 'example', $CommandNamespace)
        $Writer.WriteElementString('maml', 'title', $MamlNamespace, "---------- $($example.Title) ----------")
        $Writer.WriteElementString('dev', 'code', $DevNamespace, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $DevNamespace)
        Write-PinMamlParas $Writer $example.Remarks
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $CommandNamespace)
    $online = if ($Page.FrontMatter.Contains('online version')) { $Page.FrontMatter['online version'] } else { '' }
    $links = @()
    if ($online) { $links += [pscustomobject]@{ Text = 'Online Version:'; Uri = $online } }
    $links += @($Page.RelatedLinks)
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $MamlNamespace)
        $Writer.WriteElementString('maml', 'linkText', $MamlNamespace, $link.Text)
        $Writer.WriteElementString('maml', 'uri', $MamlNamespace, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function ConvertTo-PinMaml {
    <#
    .SYNOPSIS
        Writes parsed pages as one MAML file (helpItems with one command:command per page).
    #>
    param([object[]] $Pages = @(), [Parameter(Mandatory)] [string] $OutputPath)
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($page in ($Pages | Sort-Object Name)) { Write-PinMamlCommand $writer $page }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}

#endregion

#region About topics

function Format-PinWrappedText([string] $Text, [int] $Indent, [int] $Width = 80) {
    $pad = ' ' * $Indent
    $line = ''
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if ($line -and ($pad.Length + $line.Length + 1 + $word.Length) -gt $Width) { $pad + $line; $line = $word }
        elseif ($line) { $line += ' ' + $word }
        else { $line = $word }
    }
    if ($line) { $pad + $line }
}

function ConvertTo-PinAboutHelpText {
    <#
    .SYNOPSIS
        Converts a PlatyPS about-topic page (# about_X, ## SHORT DESCRIPTION, ## LONG DESCRIPTION...)
        into the plain-text about_X.help.txt that Get-Help about_X shows.
    #>
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $OutputPath)
    $allLines = @(Get-Content -LiteralPath $Path -Encoding utf8)
    $front = Read-PinFrontMatter $allLines
    $bodyLines = if ($front.BodyStart -lt $allLines.Count) { $allLines[$front.BodyStart..($allLines.Count - 1)] } else { @() }
    $sections = @(Split-PinMarkdownSections $bodyLines)
    $title = $sections | Where-Object Level -eq 1 | Select-Object -First 1
    if (-not $title -or $title.Title -notmatch '^about_\w+$') { throw "$Path must start with '# about_<Name>'." }

    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC'); $out.Add('    ' + $title.Title.Trim().ToLowerInvariant()); $out.Add('')
    foreach ($section in $sections) {
        if ($section.Level -le 1) { continue }
        $indent = 4
        if ($section.Level -eq 2) { $out.Add($section.Title.Trim().ToUpperInvariant()) }
        else { $out.Add('    ' + $section.Title.Trim()); $out.Add('    ' + ('-' * $section.Title.Trim().Length)) }
        foreach ($block in @(Get-PinMarkdownBlocks $section.Lines)) {
            if ($block.Kind -eq 'Code') {
                foreach ($codeLine in $block.Text -split "`n") { $out.Add(('        ' + $codeLine).TrimEnd()) }
            }
            else {
                $lines = $block.Text -split "`n"
                if ($lines[0] -match '^\s*([-*+]|\d+\.)\s') {
                    # Keep list items one per line, wrapping each under its own bullet.
                    $items = [System.Collections.Generic.List[string]]::new()
                    foreach ($l in $lines) { if ($l -match '^\s*([-*+]|\d+\.)\s') { $items.Add($l.Trim()) } else { $items[$items.Count - 1] += ' ' + $l.Trim() } }
                    foreach ($item in $items) {
                        $wrapped = @(Format-PinWrappedText $item ($indent + 2))
                        $out.Add(('    ' + $wrapped[0].TrimStart()))
                        foreach ($rest in $wrapped | Select-Object -Skip 1) { $out.Add($rest) }
                    }
                }
                else {
                    foreach ($wrapped in Format-PinWrappedText ($lines -join ' ') $indent) { $out.Add($wrapped) }
                }
            }
            $out.Add('')
        }
        if ($section.Lines.Count -eq 0 -or ($section.Lines -join '').Trim() -eq '') { $out.Add('') }
    }
    # Markdown emphasis and link syntax read badly in a console: keep the words.
    $text = ($out -join [Environment]::NewLine) -replace '\[([^\]]+)\]\([^)]*\)', '$1' -replace '\*\*([^*]+)\*\*', '$1' -replace '`([^`\r\n]+)`', '$1'
    Set-Content -LiteralPath $OutputPath -Value $text -Encoding utf8
}

#endregion

Export-ModuleMember -Function ConvertFrom-PinHelpMarkdown, Get-PinHelpExampleCode, ConvertTo-PinMaml, ConvertTo-PinAboutHelpText
