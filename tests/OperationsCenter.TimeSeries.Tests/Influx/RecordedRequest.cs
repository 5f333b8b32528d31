using System.Collections.Specialized;
using System.Text;

namespace OperationsCenter.TimeSeries.Tests.Influx;

/// <summary>A request as <see cref="LoopbackServer"/> received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The absolute path.</param>
/// <param name="Query">The decoded query parameters.</param>
/// <param name="Headers">The request headers.</param>
/// <param name="Body">The body as sent (still compressed when it was).</param>
public sealed record RecordedRequest(string Method, string Path, NameValueCollection Query, NameValueCollection Headers, byte[] Body)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}
