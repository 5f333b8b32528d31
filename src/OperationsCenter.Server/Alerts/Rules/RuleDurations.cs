using System.Globalization;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>Durations in rule files: a number and a unit, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>, or runs of them (<c>1h30m</c>); <c>0</c> alone is zero.</summary>
internal static class RuleDurations
{
    /// <summary>What an error message shows as the expected form.</summary>
    public const string Expected = "a duration like 30s, 5m, 1h";

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var rest = text.AsSpan().Trim();
        if (rest is "0")
        {
            return true;
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == rest.Length || digits > 9
                || !long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            TimeSpan part;
            switch (rest[digits])
            {
                case 's': part = TimeSpan.FromSeconds(amount); break;
                case 'm': part = TimeSpan.FromMinutes(amount); break;
                case 'h': part = TimeSpan.FromHours(amount); break;
                case 'd': part = TimeSpan.FromDays(amount); break;
                default: return false;
            }

            duration += part;
            rest = rest[(digits + 1)..];
        }

        return true;
    }

    /// <summary>A duration written the way rule files write it (<c>1h30m</c>), for messages.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0";
        }

        var text = "";
        if (duration.Days > 0)
        {
            text += $"{duration.Days}d";
        }

        if (duration.Hours > 0)
        {
            text += $"{duration.Hours}h";
        }

        if (duration.Minutes > 0)
        {
            text += $"{duration.Minutes}m";
        }

        if (duration.Seconds > 0)
        {
            text += $"{duration.Seconds}s";
        }

        return text;
    }
}
