using System.Text;
using Microsoft.Net.Http.Headers;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Ingest;

/// <summary>Finds a department key wherever InfluxDB clients put it.</summary>
public static class IngestKey
{
    private static readonly object DepartmentItem = new();

    /// <summary>
    /// The department the request's key writes for, resolved once per request: the rate limiter and the endpoint both
    /// ask, and each answer would otherwise hash the key again.
    /// </summary>
    public static bool TryResolveDepartment(HttpContext context, DepartmentKeyResolver keys, out string department)
    {
        if (context.Items.TryGetValue(DepartmentItem, out var cached))
        {
            department = cached as string ?? "";
            return cached is string;
        }

        var found = keys.TryResolve(Find(context.Request), out department);
        context.Items[DepartmentItem] = found ? department : null;
        return found;
    }

    /// <summary>
    /// <c>Authorization: Token KEY</c> (v2 clients, Telegraf), <c>Authorization: Basic user:KEY</c> and the v1
    /// query parameter <c>p</c> (v1 clients); <c>Bearer</c> is accepted too.
    /// </summary>
    public static string? Find(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length > 0)
        {
            var space = header.IndexOf(' ');
            if (space > 0)
            {
                var scheme = header.AsSpan(0, space);
                var value = header[(space + 1)..].Trim();
                if (scheme.Equals("Token", StringComparison.OrdinalIgnoreCase) ||
                    scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }

                if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
                {
                    return BasicPassword(value);
                }
            }
        }

        var p = request.Query["p"].ToString();
        return p.Length > 0 ? p : null;
    }

    private static string? BasicPassword(string encoded)
    {
        Span<byte> bytes = stackalloc byte[Math.Min(encoded.Length, 1024)];
        if (encoded.Length > 1024 || !Convert.TryFromBase64String(encoded, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes[..written]);
        var colon = text.IndexOf(':');
        return colon >= 0 ? text[(colon + 1)..] : null;
    }
}
