using System.Globalization;

namespace OperationsCenter.Grains.Alerts;

/// <summary>
/// A text in Vietnamese and English; for alert titles and descriptions it is a template with placeholders
/// (see <see cref="AlertText"/>).
/// </summary>
/// <param name="Vi">Vietnamese.</param>
/// <param name="En">English.</param>
[GenerateSerializer, Immutable]
public sealed record LocalizedText(
    [property: Id(0)] string Vi,
    [property: Id(1)] string En)
{
    /// <summary>The Vietnamese text for a Vietnamese culture, the English one for any other.</summary>
    public string For(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "vi" ? Vi : En;
    }
}
