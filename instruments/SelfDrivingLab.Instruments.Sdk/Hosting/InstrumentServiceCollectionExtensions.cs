using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Registers instruments with a generic host.</summary>
public static class InstrumentServiceCollectionExtensions
{
    /// <summary>
    /// Registers a hosted <see cref="InstrumentHost"/> running a <typeparamref name="TDriver"/> (created
    /// with constructor injection) as instrument <paramref name="instrument"/>. Needs an
    /// <see cref="IMessageBusFactory"/>; uses <see cref="TimeProvider"/>, <see cref="IExecutionLog"/>,
    /// logging and <see cref="IMeterFactory"/> when registered. Options are named after the instrument
    /// and validated at start-up; bind or configure them through the returned builder.
    /// </summary>
    public static OptionsBuilder<InstrumentHostOptions> AddInstrument<TDriver>(
        this IServiceCollection services,
        string instrument,
        Action<InstrumentHostOptions>? configure = null)
        where TDriver : class, IInstrumentDriver
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(instrument);
        var builder = services.AddOptions<InstrumentHostOptions>(instrument)
            .Configure(o => o.Instrument = instrument)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.AddSingleton<IHostedService>(provider => new InstrumentHostedService(new InstrumentHost(
            provider.GetRequiredService<IOptionsMonitor<InstrumentHostOptions>>().Get(instrument),
            ActivatorUtilities.CreateInstance<TDriver>(provider),
            provider.GetRequiredService<IMessageBusFactory>(),
            provider.GetService<TimeProvider>(),
            provider.GetService<ILogger<InstrumentHost>>(),
            journal: null,
            provider.GetService<IExecutionLog>(),
            provider.GetService<IMeterFactory>())));
        return builder;
    }
}
