using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Hosting.Telemetry;

/// <summary>Checks <see cref="TelemetryOptions"/>' validation attributes without reflection (source-generated). Thread-safe.</summary>
[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
}
