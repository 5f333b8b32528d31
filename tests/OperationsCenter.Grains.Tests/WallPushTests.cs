using System.Collections.Concurrent;
using OperationsCenter.Grains.Series;
using OperationsCenter.Grains.Wall;

namespace OperationsCenter.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class WallPushTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Series_changes_on_every_silo_reach_a_registered_observer_in_batches()
    {
        var observer = new RecordingObserver();
        var reference = fixture.Cluster.Client.CreateObjectReference<IWallObserver>(observer);
        await fixture.Cluster.GrainFactory.GetGrain<IWallObserverRegistryGrain>(0)
            .Register(fixture.Cluster.Primary!.SiloAddress, reference);

        // Enough departments that placement puts partitions on both silos.
        var keys = Enumerable.Range(0, 40).Select(i => $"push,department=d{i % 10},unit=u{i}").ToList();
        var now = ClusterFixture.Clock.GetUtcNow();
        var partitions = new SeriesPartitions();
        await Task.WhenAll(keys.Select(k => new SeriesId(k)).Select(k =>
            partitions.Of(fixture.Cluster.GrainFactory, k, k.Parse().Department).Apply(Samples.Batch(k, now, ("value", 7)))));

        await Await.UntilAsync(() => Task.FromResult(observer.Seen.Keys.Count(keys.Contains)), n => n == keys.Count,
            $"all {keys.Count} series updates pushed to the observer");
        Assert.All(keys, k => Assert.Equal(7, observer.Seen[k].Fields.Single().Value));

        // Batched: far fewer deliveries than updates.
        Assert.True(observer.Batches < keys.Count, $"expected batched delivery, got {observer.Batches} batches for {keys.Count} updates");
        GC.KeepAlive(observer);
    }

    private sealed class RecordingObserver : IWallObserver
    {
        private int _batches;

        public ConcurrentDictionary<string, SeriesUpdate> Seen { get; } = new();

        public int Batches => _batches;

        public Task OnWallBatch(WallBatch batch)
        {
            Interlocked.Increment(ref _batches);
            foreach (var update in batch.Series)
            {
                Seen[update.Key] = update;
            }

            return Task.CompletedTask;
        }
    }
}
