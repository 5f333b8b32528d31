using System.Globalization;

namespace OperationsCenter.Server.Notifications.Email;

/// <summary>Times as people in Vietnam write them: "04:51, 02/12/2026", in Asia/Ho_Chi_Minh.</summary>
internal static class VietnameseTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The "HH:mm, dd/MM/yyyy" spelling of <paramref name="at"/> in Vietnam's time.</summary>
    public static string Format(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("HH:mm, dd/MM/yyyy", CultureInfo.InvariantCulture);
}
