using OperationsCenter.Simulator.Province;

namespace OperationsCenter.Simulator;

/// <summary>
/// The demo feed: every <c>interval</c> a round of the province's reports goes to the center, each unit with its
/// own key; incidents come from the schedule.
/// </summary>
internal sealed class DemoFeed(FeedSender sender, ProvinceModel province, IncidentSchedule incidents, TimeProvider clock, TimeSpan interval)
{
    private long _round;

    /// <summary>Rounds sent so far.</summary>
    public long Rounds => Interlocked.Read(ref _round);

    /// <summary>Sends a round now and then every <c>interval</c> until cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            await RoundAsync(ct);
        }
        while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>Sends one round.</summary>
    public async Task RoundAsync(CancellationToken ct)
    {
        var round = Rounds;
        var bodies = province.Round(round, clock.GetUtcNow(), interval, incidents.Active(round));
        await sender.SendAsync(bodies, ct);
        Interlocked.Increment(ref _round);
    }
}
