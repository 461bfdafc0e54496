using System.IO;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// A download ended before (or ran past) its declared Content-Length, so its content must not
    /// be presented as a complete report.
    /// </summary>
    public sealed class TruncatedDownloadException : IOException
    {
        /// <summary>Creates the exception.</summary>
        public TruncatedDownloadException(long expectedBytes, long receivedBytes)
            : base(receivedBytes < expectedBytes
                ? $"The report download ended after {receivedBytes} of {expectedBytes} bytes (Content-Length). The data is incomplete; download the report again (its URL can be refreshed while the report lives)."
                : $"The report download sent more than the {expectedBytes} bytes its Content-Length declared; the response is corrupt. Download the report again.")
        {
            ExpectedBytes = expectedBytes;
            ReceivedBytes = receivedBytes;
        }

        /// <summary>The declared Content-Length.</summary>
        public long ExpectedBytes { get; }

        /// <summary>The bytes received before the stream ended (or first byte past the declared length).</summary>
        public long ReceivedBytes { get; }
    }
}
