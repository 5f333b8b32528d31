using Microsoft.Extensions.Options;

namespace OperationsCenter.Server.Notifications.Webhooks;

/// <summary>
/// Checks the notification settings when they are loaded, so a typo in a receiver name or URL stops the start with a
/// message naming the setting, instead of notifications quietly going nowhere.
/// </summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    private const string Section = "OperationsCenter:Notifications";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem found, each naming the setting at fault; empty when the settings are usable.</summary>
    public static IReadOnlyList<string> Errors(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Receivers.Count > 0 && !IsHttpUrl(options.ExternalUrl))
        {
            errors.Add($"{Section}:ExternalUrl '{options.ExternalUrl}' must be an absolute http(s) URL (the center's public address, sent as externalURL).");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add($"{Section}:MaxAttempts must be at least 1, not {options.MaxAttempts}.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.TotalTimeoutSeconds <= 0)
        {
            errors.Add($"{Section}: RetryDelay must not be negative and TotalTimeoutSeconds must be positive.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Receivers.Count; i++)
        {
            var receiver = options.Receivers[i];
            var at = $"{Section}:Receivers:{i}";
            if (string.IsNullOrWhiteSpace(receiver.Name))
            {
                errors.Add($"{at}:Name is required.");
            }
            else if (!names.Add(receiver.Name))
            {
                errors.Add($"{at}:Name '{receiver.Name}' is used by another receiver.");
            }

            if (!IsHttpUrl(receiver.Url))
            {
                errors.Add($"{at} ({receiver.Name}): Url '{receiver.Url}' must be an absolute http(s) URL.");
            }

            if (receiver.TimeoutSeconds <= 0)
            {
                errors.Add($"{at} ({receiver.Name}): TimeoutSeconds must be positive, not {receiver.TimeoutSeconds}.");
            }
        }

        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            if (!names.Contains(route.Receiver))
            {
                var known = names.Count == 0 ? "none are configured" : "known: " + string.Join(", ", names);
                errors.Add($"{Section}:Routes:{i}:Receiver '{route.Receiver}' is not a configured receiver ({known}).");
            }

            foreach (var (label, pattern) in route.Matchers)
            {
                if (pattern is null)
                {
                    errors.Add($"{Section}:Routes:{i}:Matchers:{label} needs a pattern (use \"*\" for any value).");
                }
            }
        }

        return errors;
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
