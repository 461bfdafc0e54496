using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Engine.Reports.Reading
{
    /// <summary>
    /// A window over a stream: parsers consume from <see cref="Start"/> to <see cref="End"/>, and
    /// a refill moves the unconsumed tail to the front, grows the array only when one record does
    /// not fit (up to a limit), and reads more. Memory stays flat whatever the stream length.
    /// </summary>
    internal sealed class RollingBuffer
    {
        /// <summary>The usual window: a few hundred report records.</summary>
        public const int DefaultInitialSize = 64 * 1024;

        private readonly Stream _stream;
        private readonly int _maxSize;

        public RollingBuffer(Stream stream, int maxSize, int initialSize = DefaultInitialSize)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            _maxSize = Math.Max(maxSize, initialSize);
            Data = new byte[initialSize];
        }

        public byte[] Data { get; private set; }

        public int Start { get; set; }

        public int End { get; private set; }

        /// <summary>The stream has no more bytes; what is buffered is the rest.</summary>
        public bool IsFinal { get; private set; }

        public int Length => End - Start;

        public ReadOnlySpan<byte> Available => new(Data, Start, End - Start);

        /// <summary>Reads more bytes (blocking). Returns false at the end of the stream.</summary>
        public bool Fill(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MakeRoom();
            int read = _stream.Read(Data, End, Data.Length - End);
            return Advance(read);
        }

        /// <summary>Reads more bytes without blocking (the shape check reads a body still arriving). Returns false at the end of the stream.</summary>
        public async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MakeRoom();
            int read = await _stream.ReadAsync(Data, End, Data.Length - End, cancellationToken).ConfigureAwait(false);
            return Advance(read);
        }

        private bool Advance(int read)
        {
            if (read <= 0)
            {
                IsFinal = true;
                return false;
            }
            End += read;
            return true;
        }

        private void MakeRoom()
        {
            if (Start > 0)
            {
                Buffer.BlockCopy(Data, Start, Data, 0, End - Start);
                End -= Start;
                Start = 0;
            }
            if (End == Data.Length)
            {
                if (Data.Length >= _maxSize)
                {
                    throw new ReportFormatException(
                        $"A single report record or token is larger than {_maxSize} bytes (MaxRecordBytes); the content is probably not a report in the expected format.",
                        0);
                }
                var larger = new byte[Math.Min((long)Data.Length * 2, _maxSize)];
                Buffer.BlockCopy(Data, 0, larger, 0, End);
                Data = larger;
            }
        }
    }
}
