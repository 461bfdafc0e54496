using System.Text;
using PinterestAds.Engine.Reports.Reading;
using static PinterestAds.Engine.Tests.Reports.Reading.ReaderTestHelpers;

namespace PinterestAds.Engine.Tests.Reports.Reading;

public class ReadAheadRowsTests
{
    [Fact]
    public void Hands_out_every_item_in_order_across_batch_boundaries()
    {
        int count = ReadAheadRows.BatchSize * 3 + 7;
        var items = ReadAheadRows.Of(Enumerable.Range(0, count), CancellationToken.None).ToList();

        Assert.Equal(Enumerable.Range(0, count), items);
    }

    [Fact]
    public void Reads_the_rows_of_a_report_exactly_as_the_reader_does()
    {
        var csv = new StringBuilder("CAMPAIGN_ID,DATE,SPEND_IN_DOLLAR\n");
        for (int i = 0; i < 2000; i++) csv.Append(626736533506 + i).Append(",2026-01-01,").Append(i).Append(".25\n");
        var options = new ReportReadOptions { Level = "CAMPAIGN" };

        var direct = ReadCsv(Utf8(csv.ToString()), options);
        var ahead = ReadAheadRows.Of(new CsvReportReader(Utf8(csv.ToString()), new ReportReadOptions { Level = "CAMPAIGN" }).ReadRows(), CancellationToken.None).ToList();

        Assert.Equal(direct.Count, ahead.Count);
        for (int i = 0; i < direct.Count; i++)
        {
            Assert.Equal(Get(direct[i], "CAMPAIGN_ID"), Get(ahead[i], "CAMPAIGN_ID"));
            Assert.Equal(Get(direct[i], "SPEND_IN_DOLLAR"), Get(ahead[i], "SPEND_IN_DOLLAR"));
        }
    }

    [Fact]
    public void A_failure_of_the_source_comes_after_every_item_before_it()
    {
        int failAt = ReadAheadRows.BatchSize + 3;
        IEnumerable<int> Source()
        {
            for (int i = 0; ; i++)
            {
                if (i == failAt) throw new ReportFormatException("row " + i + " is broken", i);
                yield return i;
            }
        }

        var seen = new List<int>();
        var error = Assert.Throws<ReportFormatException>(() =>
        {
            foreach (int item in ReadAheadRows.Of(Source(), CancellationToken.None)) seen.Add(item);
        });

        Assert.Equal("row " + failAt + " is broken", error.Message);
        Assert.Equal(Enumerable.Range(0, failAt), seen);
    }

    [Fact]
    public void Stopping_early_stops_the_worker_and_disposes_the_source_before_dispose_returns()
    {
        var source = new EndlessSource();
        using (var rows = ReadAheadRows.Of(source, CancellationToken.None).GetEnumerator())
        {
            Assert.True(rows.MoveNext());
            Assert.Equal(0, rows.Current);
        }

        Assert.True(source.Disposed, "the source is disposed when the caller stops");
        long produced = source.Produced;
        Thread.Sleep(50);
        Assert.Equal(produced, source.Produced);
        Assert.True(produced <= ReadAheadRows.BatchSize * (ReadAheadRows.BatchesAhead + 2), $"read ahead is bounded ({produced} items)");
    }

    [Fact]
    public void Cancellation_is_an_error_not_the_end_of_the_rows()
    {
        using var cancel = new CancellationTokenSource();
        var source = new EndlessSource();
        using var rows = ReadAheadRows.Of(source, cancel.Token).GetEnumerator();
        Assert.True(rows.MoveNext());
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => { while (rows.MoveNext()) { } });
    }

    [Fact]
    public void Work_ahead_is_done_only_while_the_caller_is_behind_and_always_before_the_item_is_handed_over()
    {
        int count = ReadAheadRows.BatchSize * (ReadAheadRows.BatchesAhead + 6);
        var doneAhead = new int[count];
        var handedOver = new int[count];
        int lateWork = 0;
        using var rows = ReadAheadRows.Of(Enumerable.Range(0, count), CancellationToken.None, item =>
        {
            if (Volatile.Read(ref handedOver[item]) != 0) Interlocked.Increment(ref lateWork);
            Volatile.Write(ref doneAhead[item], 1);
        }).GetEnumerator();

        // The caller takes one item and then falls behind: the worker fills the queue and works ahead on the next batch.
        Assert.True(rows.MoveNext());
        Volatile.Write(ref handedOver[rows.Current], 1);
        Assert.True(SpinWait.SpinUntil(() => Enumerable.Range(0, count).Any(i => Volatile.Read(ref doneAhead[i]) != 0), TimeSpan.FromSeconds(10)),
            "the worker works ahead while the caller is behind");
        var seen = new List<int> { rows.Current };
        while (rows.MoveNext())
        {
            Volatile.Write(ref handedOver[rows.Current], 1);
            seen.Add(rows.Current);
        }

        Assert.Equal(Enumerable.Range(0, count), seen);
        Assert.Equal(0, lateWork);
        // The first batch went out to an empty queue: nobody was behind, so nothing was done ahead for it.
        Assert.Equal(0, doneAhead[0]);
    }

    /// <summary>Counts what it produced, honours no token (the worker's batching must stop it), records disposal.</summary>
    private sealed class EndlessSource : IEnumerable<int>
    {
        private long _produced;

        public long Produced => Interlocked.Read(ref _produced);

        public bool Disposed { get; private set; }

        public IEnumerator<int> GetEnumerator()
        {
            try
            {
                for (int i = 0; ; i++)
                {
                    Interlocked.Increment(ref _produced);
                    yield return i;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
