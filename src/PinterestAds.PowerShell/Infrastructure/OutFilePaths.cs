using System.Management.Automation;
using PinterestAds.Engine.Reports;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Resolves an -OutFile argument before any request: it must name the file system (not Env:, Function:,
    /// a registry drive), hold no NUL, and its folder must accept a new file.
    /// </summary>
    internal static class OutFilePaths
    {
        public static string Resolve(PSCmdlet cmdlet, string parameterName, string outFile)
        {
            if (outFile.IndexOf('\0') >= 0)
                throw new PinterestValidationException(ErrorIds.OutFileInvalid, parameterName,
                    $"-{parameterName} contains a NUL character, which no file path may hold. Give a plain file or folder path.");
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(outFile, out provider, out _);
            }
            catch (System.Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException
                                              || ex is System.NotSupportedException || ex is PSArgumentException || ex is System.ArgumentException)
            {
                throw new PinterestValidationException(ErrorIds.OutFileInvalid, parameterName,
                    $"-{parameterName} '{outFile}' is not a path PowerShell can resolve ({ex.Message}). Give a file or folder path.");
            }
            if (!string.Equals(provider.Name, "FileSystem", System.StringComparison.OrdinalIgnoreCase))
                throw new PinterestValidationException(ErrorIds.OutFileNotFileSystem, parameterName,
                    $"-{parameterName} '{outFile}' is on the {provider.Name} provider; a report can only be saved to the file system. Give a file path such as ./report.csv.");
            ReportFilePaths.RequireWritable(parameterName, resolved);
            return resolved;
        }
    }
}
