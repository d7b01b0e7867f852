using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>Checks <see cref="MqttOptions"/>' validation attributes without reflection (source-generated). Thread-safe.</summary>
[OptionsValidator]
internal sealed partial class MqttOptionsAttributeValidator : IValidateOptions<MqttOptions>
{
}
