# Manifest TEMPLATE. build.ps1 reads it, fills in what only the build knows
# (ModuleVersion from Directory.Build.props, the explicit CmdletsToExport list read from
# the compiled cmdlet assembly, RootModule and the file lists) and writes the real manifest
# to out/PinterestAds/<version>/PinterestAds.psd1. Edit descriptive fields here.
@{
    RootModule           = 'PinterestAds.psm1'
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0d7f4e-6a1c-4d5e-9f3b-2c8a41e7d9a6'
    Author               = 'PinterestAds contributors'
    CompanyName          = 'PinterestAds contributors'
    Copyright            = '(c) PinterestAds contributors. All rights reserved.'
    Description          = 'Pinterest Ads reporting from PowerShell (Pinterest API v5): ad accounts, campaigns, ad groups, ads, synchronous and targeting analytics, asynchronous reports, templates, bulk downloads and audience insights, as objects ready for Export-Csv.'
    CompatiblePSEditions = @('Core', 'Desktop')
    PowerShellVersion    = '5.1'
    # No FormatsToProcess/TypesToProcess: the cmdlets load PinterestAds.types.ps1xml and every
    # *.format.ps1xml into a runspace when they first write an object there (Loading/ModuleViews.cs),
    # which keeps about 100 ms of type- and format-table work out of Import-Module.
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            ProjectUri   = 'https://github.com/PinterestAds/PinterestAds'
            LicenseUri   = 'https://github.com/PinterestAds/PinterestAds/blob/main/LICENSE'
            Tags         = @('Pinterest', 'PinterestAds', 'Ads', 'Advertising', 'Analytics', 'Reporting', 'Marketing', 'PSEdition_Core', 'PSEdition_Desktop')
            ReleaseNotes = 'See CHANGELOG.md in the source repository.'
        }
    }
}
