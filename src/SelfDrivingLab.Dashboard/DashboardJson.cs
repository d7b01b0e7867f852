using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Dashboard;

/// <summary>How the dashboard writes JSON: camelCase, enums as strings. Thread-safe.</summary>
internal static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
