using Microsoft.Extensions.Options;
using MimeKit;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>Stops the start on unusable mail settings, naming the setting, rather than mail quietly going nowhere.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    private const string Section = "OperationsCenter:Email";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{Section}:Port must be between 1 and 65535, not {options.Port}.");
        }

        if (!MailboxAddress.TryParse(options.From, out _))
        {
            errors.Add($"{Section}:From '{options.From}' must be a mail address, e.g. \"Trung tâm IOC <ioc@example.gov.vn>\".");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{Section}:BaseUrl '{options.BaseUrl}' must be the wall's absolute http(s) address (mails link to its leader view).");
        }

        if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{Section}:Password is required with UserName.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay || options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{Section}: RetryDelay and Timeout must be positive and MaxRetryDelay at least RetryDelay.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
