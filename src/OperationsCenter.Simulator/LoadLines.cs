using System.Globalization;
using System.Text;

namespace OperationsCenter.Simulator;

/// <summary>
/// The load mode's points, shared with the end-to-end benchmarks so there is one load generator: typical IOC lines of
/// measurement <c>load</c>, one tag (<c>unit=u{n mod series}</c>) and five fields (floats and integers).
/// </summary>
internal static class LoadLines
{
    /// <summary>The measurement every load point is written to.</summary>
    public const string Measurement = "load";

    /// <summary>The field carrying the send time (ms since the Unix epoch) when a sender stamps it.</summary>
    public const string SentField = "sent_ms";

    /// <summary>The series (0 … <paramref name="series"/> − 1) the <paramref name="n"/>-th point belongs to.</summary>
    public static int SeriesOf(long n, int series) => (int)(n % series);

    /// <summary>
    /// Appends the <paramref name="n"/>-th point: tagged with <paramref name="department"/> when given (for a write
    /// straight to InfluxDB, where the center would add it), with <see cref="SentField"/> when <paramref name="sentMs"/>
    /// is given, and with a timestamp in ns when <paramref name="timestampNs"/> is given (else the center stamps it).
    /// </summary>
    public static void Append(StringBuilder body, long n, int series, string? department = null, string? sentMs = null, long? timestampNs = null)
    {
        body.Append(Measurement);
        if (department is not null)
        {
            body.Append(",department=").Append(department);
        }

        body.Append(CultureInfo.InvariantCulture, $",unit=u{SeriesOf(n, series)} f0={n % 1000}.5,f1={n % 97}i,f2={n % 13}.25,f3={n % 7}i,f4=99.{n % 10}");
        if (sentMs is not null)
        {
            body.Append(',').Append(SentField).Append('=').Append(sentMs);
        }

        if (timestampNs is { } ns)
        {
            body.Append(' ').Append(ns);
        }

        body.Append('\n');
    }
}
