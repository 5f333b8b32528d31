using OperationsCenter.Grains.Alerts.Evaluation;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class DeadmanEvaluatorTests
{
    private static readonly DateTimeOffset LastSeen = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(10);

    [Fact]
    public void Silent_once_nothing_arrived_for_the_limit()
    {
        Assert.False(DeadmanEvaluator.IsSilent(LastSeen, Silence, LastSeen.AddMinutes(9).AddSeconds(59)));
        Assert.True(DeadmanEvaluator.IsSilent(LastSeen, Silence, LastSeen.AddMinutes(10)));
        Assert.True(DeadmanEvaluator.IsSilent(LastSeen, Silence, LastSeen.AddHours(3)));
    }

    [Fact]
    public void A_new_point_ends_the_silence_and_moves_the_timer()
    {
        var now = LastSeen.AddMinutes(12);
        Assert.True(DeadmanEvaluator.IsSilent(LastSeen, Silence, now));

        Assert.False(DeadmanEvaluator.IsSilent(now, Silence, now));
        Assert.Equal(now.AddMinutes(10), DeadmanEvaluator.SilentAt(now, Silence));
    }

    [Fact]
    public void Silent_at_does_not_overflow()
    {
        Assert.Equal(DateTimeOffset.MaxValue, DeadmanEvaluator.SilentAt(DateTimeOffset.MaxValue.AddSeconds(-1), Silence));
    }
}
