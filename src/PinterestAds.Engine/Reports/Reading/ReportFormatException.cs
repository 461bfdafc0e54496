using System.IO;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// The report content is not what its format promises (a CSV record with the wrong number of
    /// fields, malformed JSON, an unexpected JSON key). Reading stops rather than returning
    /// rows that silently lack data.
    /// </summary>
    public sealed class ReportFormatException : System.FormatException
    {
        /// <summary>Creates the exception.</summary>
        public ReportFormatException(string message, long recordNumber, string? column = null, System.Exception? inner = null)
            : base(message, inner)
        {
            RecordNumber = recordNumber;
            Column = column;
        }

        /// <summary>The 1-based data row (CSV: not counting the header) where reading stopped, 0 if unknown.</summary>
        public long RecordNumber { get; }

        /// <summary>The column involved, if any.</summary>
        public string? Column { get; }
    }
}
