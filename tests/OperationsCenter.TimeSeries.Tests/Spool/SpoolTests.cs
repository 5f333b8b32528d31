using System.Text;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.TimeSeries.Tests.Spool;

public sealed class SpoolTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "spool-test-" + Guid.NewGuid().ToString("N"));

    private SpoolOptions Options(long maxBytes = 1 << 20, long segmentBytes = 4096) =>
        new() { Directory = _directory, MaxBytes = maxBytes, SegmentBytes = segmentBytes };

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Appended_records_read_back_in_order_as_one_batch()
    {
        await using var spool = OperationsCenter.TimeSeries.Spool.Spool.Open(Options());
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => spool.AppendAsync(Line(i), 1)));

        var batch = spool.Read(spool.CheckpointOffset, 1 << 20);

        Assert.NotNull(batch);
        Assert.Equal(50, batch.Points);
        var lines = Encoding.UTF8.GetString(batch.Payload.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(50, lines.Distinct().Count());
        Assert.Equal(spool.CommittedOffset, batch.Next);
        Assert.Equal(new SpoolBacklog(spool.CommittedOffset, 50, batch.OldestAppendedAt), spool.Backlog());
    }

    [Fact]
    public async Task A_checkpoint_empties_the_backlog_and_deletes_drained_segments()
    {
        await using var spool = OperationsCenter.TimeSeries.Spool.Spool.Open(Options(segmentBytes: 256));
        for (var i = 0; i < 40; i++)
        {
            await spool.AppendAsync(Line(i), 1);
        }

        Assert.True(Directory.GetFiles(_directory, "*.seg").Length > 5, "expected the small segment size to roll several segments");
        var batch = spool.Read(spool.CheckpointOffset, int.MaxValue)!;
        spool.Checkpoint(batch.Next, batch.Points);

        Assert.Equal(new SpoolBacklog(0, 0, null), spool.Backlog());
        Assert.Single(Directory.GetFiles(_directory, "*.seg"));
        Assert.Null(spool.Read(spool.CheckpointOffset, 1024));
    }

    [Fact]
    public async Task Reopening_resumes_from_the_checkpoint_with_every_unshipped_record()
    {
        long shipped;
        await using (var spool = OperationsCenter.TimeSeries.Spool.Spool.Open(Options(segmentBytes: 512)))
        {
            for (var i = 0; i < 30; i++)
            {
                await spool.AppendAsync(Line(i), 2);
            }

            var first = spool.Read(spool.CheckpointOffset, 200)!;
            spool.Checkpoint(first.Next, first.Points);
            shipped = first.Points;
        }

        await using var reopened = OperationsCenter.TimeSeries.Spool.Spool.Open(Options(segmentBytes: 512));
        Assert.Equal(60 - shipped, reopened.Backlog().Points);
        var rest = reopened.Read(reopened.CheckpointOffset, int.MaxValue)!;
        Assert.Equal(60 - shipped, rest.Points);
        Assert.EndsWith("line,n=29 value=29i\n", Encoding.UTF8.GetString(rest.Payload.Span));

        await reopened.AppendAsync(Line(30), 2);
        Assert.EndsWith("line,n=30 value=30i\n", Encoding.UTF8.GetString(reopened.Read(rest.Next, 1024)!.Payload.Span));
    }

    [Fact]
    public async Task A_torn_tail_is_cut_at_the_last_intact_record()
    {
        await using (var spool = OperationsCenter.TimeSeries.Spool.Spool.Open(Options()))
        {
            await spool.AppendAsync(Line(1), 1);
            await spool.AppendAsync(Line(2), 1);
        }

        // A crash mid-write: half a header and some payload after the last record.
        var segment = Directory.GetFiles(_directory, "*.seg").Single();
        var intact = new FileInfo(segment).Length;
        await using (var file = new FileStream(segment, FileMode.Append))
        {
            file.Write([0x4F, 0x43, 0x53, 0x50, 0xFF, 0x00, 0x00, 0x00, 1, 2, 3]);
        }

        await using var reopened = OperationsCenter.TimeSeries.Spool.Spool.Open(Options());
        Assert.Equal(intact, reopened.CommittedOffset);
        Assert.Equal(2, reopened.Backlog().Points);
        await reopened.AppendAsync(Line(3), 1);
        Assert.Equal(3, reopened.Read(0, int.MaxValue)!.Points);
    }

    [Fact]
    public async Task Past_its_limit_the_spool_refuses_appends_and_takes_them_again_once_drained()
    {
        await using var spool = OperationsCenter.TimeSeries.Spool.Spool.Open(Options(maxBytes: 150));
        await spool.AppendAsync(Line(1), 1);
        await spool.AppendAsync(Line(2), 1);
        await spool.AppendAsync(Line(3), 1);

        var full = await Assert.ThrowsAsync<SpoolFullException>(() => spool.AppendAsync(Line(4), 1));
        Assert.False(full.DiskFull);
        Assert.Contains("limit of 150 bytes", full.Message);

        var batch = spool.Read(spool.CheckpointOffset, int.MaxValue)!;
        spool.Checkpoint(batch.Next, batch.Points);
        await spool.AppendAsync(Line(4), 1);
        Assert.Equal(1, spool.Backlog().Points);
    }

    [Fact]
    public async Task A_reader_waiting_for_data_wakes_on_the_next_append()
    {
        await using var spool = OperationsCenter.TimeSeries.Spool.Spool.Open(Options());
        var waiting = spool.WaitForDataAsync(spool.CommittedOffset, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await spool.AppendAsync(Line(1), 1);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static byte[] Line(int n) => Encoding.UTF8.GetBytes($"line,n={n} value={n}i\n");
}
