using System.Text;
using OperationsCenter.TimeSeries.Spool;

namespace OperationsCenter.TimeSeries.Tests.Spool;

public sealed class SpoolDiskFullTests
{
    [Fact]
    public async Task A_full_disk_refuses_appends_without_losing_acknowledged_records_and_recovers_once_drained()
    {
        using var disk = SmallDisk.TryMount(4, out var reason) ?? throw new InvalidOperationException($"this test needs a real small disk: {reason}");
        var options = new SpoolOptions { Directory = Path.Combine(disk.Path, "spool"), MaxBytes = 1L << 30, SegmentBytes = 512 * 1024 };
        var record = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 100).Select(i => $"fill,n={i} value={i}i\n")));
        long acknowledged = 0;
        SpoolFullException? full = null;

        await using (var spool = OperationsCenter.TimeSeries.Spool.Spool.Open(options))
        {
            while (full is null)
            {
                try
                {
                    await spool.AppendAsync(record, 100);
                    acknowledged += 100;
                }
                catch (SpoolFullException ex)
                {
                    full = ex;
                }
            }

            Assert.True(full.DiskFull, $"expected a disk-full refusal, got: {full.Message}");
            Assert.Equal(acknowledged, spool.Backlog().Points);

            // Drain everything: whole segments are deleted and the space comes back.
            var batch = spool.Read(spool.CheckpointOffset, int.MaxValue)!;
            Assert.Equal(acknowledged, batch.Points);
            spool.Checkpoint(batch.Next, batch.Points);
            await spool.AppendAsync(record, 100);
        }

        await using var reopened = OperationsCenter.TimeSeries.Spool.Spool.Open(options);
        Assert.Equal(100, reopened.Backlog().Points);
        Assert.Equal(100, reopened.Read(reopened.CheckpointOffset, int.MaxValue)!.Points);
    }
}
