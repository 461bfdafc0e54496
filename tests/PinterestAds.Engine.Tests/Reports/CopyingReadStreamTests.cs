using PinterestAds.Engine.Reports;
using Xunit;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports;

/// <summary>
/// The download's tee: what is read through it (into a buffer the reader reuses at once) and what the drain reads
/// after it lands in the copy exactly, in order, while its writes run behind the reads.
/// </summary>
public class CopyingReadStreamTests
{
    private static byte[] Body(int length)
    {
        var bytes = new byte[length];
        new Random(15).NextBytes(bytes);
        return bytes;
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(7, 1000)]
    [InlineData(4096, 300_000)]
    [InlineData(70_000, 1_000_000)]
    public async Task The_copy_holds_every_byte_read_and_drained_in_order(int chunk, int length)
    {
        byte[] body = Body(length);
        var copy = new MemoryStream();
        using (var tee = new CopyingReadStream(new TrickleStream(body, chunk), copy))
        {
            // The reader takes part of the body into one buffer it overwrites each time, then leaves the rest.
            var buffer = new byte[5000];
            int taken = 0;
            while (taken < length / 2)
            {
                int n = await tee.ReadAsync(buffer, 0, buffer.Length);
                if (n == 0) break;
                Array.Fill(buffer, (byte)0xEE, 0, n);
                taken += n;
            }
            await tee.DrainAsync(default);
        }
        Assert.Equal(body, copy.ToArray());
    }

    [Fact]
    public async Task A_failing_copy_fails_the_download()
    {
        using var tee = new CopyingReadStream(new TrickleStream(Body(200_000), 10_000), new RefusingStream());
        await Assert.ThrowsAsync<IOException>(() => tee.DrainAsync(default));
    }

    private sealed class RefusingStream : MemoryStream
    {
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException(new IOException("No space left on device"));
    }
}
