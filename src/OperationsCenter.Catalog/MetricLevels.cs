namespace OperationsCenter.Catalog;

/// <summary>
/// Where a metric's figure turns worth watching and alarming, read with the metric's <c>good</c> direction. Strict, as
/// alert thresholds are: for <c>good: up</c> a value strictly below <see cref="Watch"/> is watch and strictly below
/// <see cref="Alarm"/> alarm (<see cref="Alarm"/> ≤ <see cref="Watch"/>); for <c>good: down</c> strictly above them
/// (<see cref="Alarm"/> ≥ <see cref="Watch"/>). Past both is alarm.
/// </summary>
/// <param name="Watch">The watch level.</param>
/// <param name="Alarm">The alarm level: at or past <see cref="Watch"/> on the bad side.</param>
public sealed record MetricLevels(double Watch, double Alarm)
{
    /// <summary>Where <paramref name="value"/> stands for a metric whose better direction is <paramref name="good"/>.</summary>
    public LevelStatus StatusOf(double value, MetricDirection good) => good == MetricDirection.Up
        ? value < Alarm ? LevelStatus.Alarm : value < Watch ? LevelStatus.Watch : LevelStatus.Normal
        : value > Alarm ? LevelStatus.Alarm : value > Watch ? LevelStatus.Watch : LevelStatus.Normal;
}
