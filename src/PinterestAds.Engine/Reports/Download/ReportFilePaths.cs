using System;
using System.IO;
using System.Linq;

namespace PinterestAds.Engine.Reports
{
    /// <summary>
    /// Where <c>-OutFile</c> writes, decided before any request: a path that cannot be written (a NUL
    /// character, a folder that cannot be created, <c>/proc</c>) is refused up front, and a report token -
    /// which comes from the network - becomes a file name only when it is a plain name, so a token like
    /// <c>../../x</c> or <c>/etc/x</c> can never write outside the folder the user gave.
    /// </summary>
    internal static class ReportFilePaths
    {
        /// <summary>Checks that <paramref name="fullPath"/> (a file or an existing folder) can be written; throws a validation error naming <paramref name="parameterName"/>.</summary>
        public static void RequireWritable(string parameterName, string fullPath)
        {
            if (fullPath.IndexOf('\0') >= 0 || fullPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
                throw Invalid(parameterName, $"-{parameterName} contains a character no file path may hold (such as NUL). Give a plain file or folder path.");
            string folder;
            try
            {
                fullPath = Path.GetFullPath(fullPath);
                folder = Directory.Exists(fullPath) ? fullPath : Path.GetDirectoryName(fullPath) ?? fullPath;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw Invalid(parameterName, $"-{parameterName} '{fullPath}' is not a valid file path ({ex.Message}).");
            }
            // The nearest folder that exists must accept a new file: probe it with a file that is removed at once.
            string existing = folder;
            while (!Directory.Exists(existing))
            {
                string? parent = Path.GetDirectoryName(existing);
                if (parent == null || parent == existing) break;
                existing = parent;
            }
            string probe = Path.Combine(existing, ".pinterestads-write-test-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new PinterestValidationException(ErrorIds.OutFileNotWritable, parameterName,
                    $"-{parameterName} '{fullPath}' cannot be written: the folder '{existing}' does not accept new files ({ex.Message}). " +
                    "Give a path in a folder you can write to. Nothing was requested.");
            }
        }

        /// <summary>The file for <paramref name="job"/> in <paramref name="folder"/>: its token as the name, refused unless that is a plain name.</summary>
        public static string InFolder(string folder, ReportJob job)
        {
            string extension = job.Format == ReportFormat.Csv ? ".csv" : ".json";
            string name = job.Token + extension;
            string root = Path.GetFullPath(folder);
            bool plain = job.Token.Length > 0 && job.Token.Length <= 200 && job.Token.Trim('.').Length > 0 &&
                         job.Token.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 &&
                         job.Token.IndexOfAny(new[] { '/', '\\', ':' }) < 0 && !job.Token.Any(char.IsControl);
            string path = plain ? Path.GetFullPath(Path.Combine(root, name)) : "";
            // Belt and braces: the name must land directly in the folder, whatever the platform's path rules.
            if (!plain || !string.Equals(Path.GetDirectoryName(path), Path.GetDirectoryName(Path.Combine(root, "x")), StringComparison.Ordinal))
                throw new PinterestException(ErrorIds.ReportTokenUnsafeAsFileName, PinErrorKind.InvalidData,
                    $"The token of {job.Describe()} is not a plain file name, so it cannot name a file in '{root}' (it would write outside the folder). " +
                    "Nothing was written. Give -OutFile a file path instead of a folder.");
            return path;
        }

        private static PinterestValidationException Invalid(string parameterName, string message) =>
            new PinterestValidationException(ErrorIds.OutFileInvalid, parameterName, message);
    }
}
