namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Where <c>Get-Help -Online</c> goes: the project's own help page of each cmdlet, the manifest's
    /// ProjectUri (module/PinterestAds.psd1) plus <c>/blob/main/docs/en-US/&lt;cmdlet&gt;.md</c>.
    /// Module.Tests checks that every cmdlet's HelpUri is this and that the page exists.
    /// </summary>
    internal static class HelpLinks
    {
        /// <summary>The manifest's ProjectUri.</summary>
        public const string ProjectUri = "https://github.com/PinterestAds/PinterestAds";

        /// <summary>The folder of the help pages; append "&lt;cmdlet&gt;.md".</summary>
        public const string Pages = ProjectUri + "/blob/main/docs/en-US/";
    }
}
