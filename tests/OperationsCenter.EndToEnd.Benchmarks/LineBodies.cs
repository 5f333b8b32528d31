using System.Text;
using OperationsCenter.Simulator;

namespace OperationsCenter.EndToEnd.Benchmarks;

/// <summary>
/// The simulator's load points (<see cref="LoadLines"/>: one tag, five fields) cut into request bodies before any clock
/// starts, so only sending is timed. As in the simulator's load feed, series <c>s</c> always comes from department
/// <c>s mod departments</c>, so the center holds exactly <c>series</c> series.
/// </summary>
internal static class LineBodies
{
    /// <summary>The first timestamp (ns) of points built with timestamps: a fixed time, so runs compare.</summary>
    public const long FirstTimestampNs = 1_764_000_000_000_000_000L;

    /// <summary>
    /// Points 0 … <paramref name="points"/> − 1 in bodies of at most <paramref name="linesPerBody"/> lines. With
    /// <paramref name="timestampNs"/> point n is stamped <c>timestampNs + n</c> (distinct, so InfluxDB keeps every
    /// point); without, the center stamps them. <paramref name="tagged"/> also builds the copy for InfluxDB.
    /// </summary>
    public static List<LineBody> Build(IReadOnlyList<string> departments, int points, int linesPerBody, int series, long? timestampNs, bool tagged)
    {
        var bodies = new List<LineBody>();
        var open = new Dictionary<string, (StringBuilder Plain, StringBuilder? Tagged, int Lines)>();
        void Close(string department)
        {
            var (plain, withTag, _) = open[department];
            open.Remove(department);
            bodies.Add(new LineBody(department, Encoding.UTF8.GetBytes(plain.ToString()), withTag is null ? null : Encoding.UTF8.GetBytes(withTag.ToString())));
        }

        for (var n = 0; n < points; n++)
        {
            var department = departments[LoadLines.SeriesOf(n, series) % departments.Count];
            if (!open.TryGetValue(department, out var body))
            {
                body = (new StringBuilder(linesPerBody * 110), tagged ? new StringBuilder(linesPerBody * 130) : null, 0);
            }

            var stamp = timestampNs + n;
            LoadLines.Append(body.Plain, n, series, timestampNs: stamp);
            if (body.Tagged is { } withTag)
            {
                LoadLines.Append(withTag, n, series, department, timestampNs: stamp);
            }

            open[department] = body with { Lines = body.Lines + 1 };
            if (body.Lines + 1 == linesPerBody)
            {
                Close(department);
            }
        }

        foreach (var department in open.Keys.ToList())
        {
            Close(department);
        }

        return bodies;
    }
}
