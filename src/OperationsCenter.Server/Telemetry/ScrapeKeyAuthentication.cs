using System.Collections.Frozen;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OperationsCenter.Server.Security;

namespace OperationsCenter.Server.Telemetry;

/// <summary>One entry of <c>OperationsCenter:Metrics:ScrapeKeys</c>: the SHA-256 of a key Prometheus sends.</summary>
public sealed class ScrapeKey
{
    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes, as for department keys. The key itself is never stored.</summary>
    public string Sha256 { get; set; } = "";
}

/// <summary>The <c>OperationsCenter:Metrics</c> section.</summary>
public sealed class MetricsOptions
{
    /// <summary>Keys that may read <c>/metrics</c>, by name (a name per scraper, so one can be revoked alone).</summary>
    public Dictionary<string, ScrapeKey> ScrapeKeys { get; set; } = [];
}

/// <summary>
/// The <c>/metrics</c> scheme: a scraper by <c>Authorization: Bearer KEY</c> against the configured scrape-key hashes
/// (hashed as department keys are, <see cref="DepartmentKeyResolver.Hash"/>), else the person signed in by cookie.
/// Its own challenge and forbid answer a JSON 401/403 (never the sign-in page's redirect), so Prometheus and a script
/// are told what to send. The table follows configuration reloads: removing an entry revokes the key without a restart.
/// </summary>
internal sealed class ScrapeKeyHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ScrapeKey";

    /// <summary>The claim a scraper's principal carries (its value: the key's entry name).</summary>
    public const string ScraperClaim = "oc.metrics.scraper";

    private readonly IOptionsMonitor<MetricsOptions> _metrics;

    /// <summary>Creates the handler.</summary>
    public ScrapeKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        IOptionsMonitor<MetricsOptions> metrics)
        : base(options, logger, encoder)
    {
        _metrics = metrics;
    }

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // No key: an administrator's browser or script with the sign-in cookie (checked against configuration as everywhere).
            var cookie = await Context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return cookie.Succeeded ? AuthenticateResult.Success(new AuthenticationTicket(cookie.Principal!, SchemeName)) : AuthenticateResult.NoResult();
        }

        var key = header["Bearer ".Length..].Trim();
        if (key.Length is 0 or > 512)
        {
            return AuthenticateResult.Fail("invalid scrape key");
        }

        var hash = DepartmentKeyResolver.Hash(key);
        var names = Table(_metrics.CurrentValue);
        if (!names.TryGetValue(hash, out var name))
        {
            return AuthenticateResult.Fail("unknown scrape key");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, $"scraper:{name}"), new Claim(ScraperClaim, name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"metrics\"";
        if (!Response.HasStarted)
        {
            await Response.WriteAsJsonAsync(new Api.ApiError(
                "send a scrape key as Authorization: Bearer <key> (OperationsCenter:Metrics:ScrapeKeys), or sign in as an admin"));
        }
    }

    /// <inheritdoc />
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!Response.HasStarted)
        {
            await Response.WriteAsJsonAsync(new Api.ApiError("/metrics needs a scrape key or the admin role"));
        }
    }

    // Rebuilt only when the options instance changes (a configuration reload).
    private static Tuple<MetricsOptions, FrozenDictionary<string, string>>? _table;

    private static FrozenDictionary<string, string> Table(MetricsOptions options)
    {
        if (_table is { } cached && ReferenceEquals(cached.Item1, options))
        {
            return cached.Item2;
        }

        var table = options.ScrapeKeys
            .Where(k => k.Value.Sha256.Length == 64)
            .GroupBy(k => k.Value.Sha256.ToLowerInvariant())
            .ToFrozenDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        _table = Tuple.Create(options, table);
        return table;
    }
}
