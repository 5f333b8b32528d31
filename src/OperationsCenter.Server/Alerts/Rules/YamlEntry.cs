using YamlDotNet.RepresentationModel;

namespace OperationsCenter.Server.Alerts.Rules;

/// <summary>One key and value of a YAML mapping, the key kept for its position in error messages.</summary>
internal readonly record struct YamlEntry(YamlNode Key, YamlNode Value);
