using System.Collections.Immutable;
using OperationsCenter.Grains.Alerts;

namespace OperationsCenter.Grains.Tests.Alerts;

public sealed class AlertTextTests
{
    private static readonly AlertTextValues Values = new(
        "network-uptime-low",
        "network",
        "uptime_pct",
        ImmutableDictionary<string, string>.Empty.Add("department", "xa-ban-bo").Add("link", "wan"),
        80.7,
        1234.5);

    [Fact]
    public void Numbers_follow_the_language()
    {
        var text = AlertText.Render(new LocalizedText("Mạng tại {department}: {value}% (ngưỡng {threshold})", "Network at {department}: {value}% (limit {threshold})"), Values);

        Assert.Equal("Mạng tại xa-ban-bo: 80,7% (ngưỡng 1.234,5)", text.Vi);
        Assert.Equal("Network at xa-ban-bo: 80.7% (limit 1,234.5)", text.En);
    }

    [Fact]
    public void The_department_name_is_the_display_name_and_falls_back_to_the_id()
    {
        var named = AlertText.Render("{department_name} mất kết nối", Values with { DepartmentName = "xã Bản Bo" }, AlertText.Vietnamese);
        var unnamed = AlertText.Render("{department_name} mất kết nối", Values, AlertText.Vietnamese);

        Assert.Equal("xã Bản Bo mất kết nối", named);
        Assert.Equal("xa-ban-bo mất kết nối", unnamed);
        Assert.Empty(AlertText.UnknownPlaceholders("{department_name}"));
    }

    [Fact]
    public void Every_placeholder_is_filled()
    {
        var text = AlertText.Render("{rule} {measurement}.{field} {tag:link} {value:0.000}", Values, AlertText.English);

        Assert.Equal("network-uptime-low network.uptime_pct wan 80.700", text);
    }

    [Fact]
    public void Missing_values_show_a_dash_and_other_braces_stay_text()
    {
        var values = Values with { Tags = ImmutableDictionary<string, string>.Empty, Value = null, Field = null };

        var text = AlertText.Render("{department} {tag:desk} {value} {field} {not a placeholder} {", values, AlertText.English);

        Assert.Equal("— — — — {not a placeholder} {", text);
    }

    [Fact]
    public void Unknown_placeholders_are_reported()
    {
        Assert.Equal(["departmnet", "tag:"], AlertText.UnknownPlaceholders("{departmnet} {value:0.0} {tag:desk} {tag:} {x y}"));
    }

    [Fact]
    public void Localized_text_picks_the_language()
    {
        var text = new LocalizedText("vi", "en");

        Assert.Equal("vi", text.For(AlertText.Vietnamese));
        Assert.Equal("en", text.For(AlertText.English));
    }
}
