using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Hosting;

public sealed class InstrumentServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddInstrument_HostedServiceStarted_AnnouncesInstrumentOnline()
    {
        var bus = new InMemoryMessageBus();
        var services = new ServiceCollection()
            .AddSingleton<IMessageBusFactory>(bus)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(HostHarness.Start));
        services.AddInstrument<ScriptedDriver>("furnace1", o => o.Site = "lab1");
        await using var provider = services.BuildServiceProvider();
        var hosted = Assert.Single(provider.GetServices<IHostedService>());

        await hosted.StartAsync(CancellationToken.None);

        var topics = new InstrumentTopics(new("lab1"), new("furnace1"));
        Assert.True(ProtocolReader.TryReadAvailability(bus.Retained(topics.Availability)!.Value.Span, out var availability, out _));
        Assert.Equal(AvailabilityState.Online, availability!.State);
        Assert.Equal(HostHarness.Start, availability.At);
        await hosted.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void AddInstrument_MissingSite_FailsValidationNamingIt()
    {
        var services = new ServiceCollection().AddSingleton<IMessageBusFactory>(new InMemoryMessageBus());
        services.AddInstrument<ScriptedDriver>("furnace1");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetServices<IHostedService>().ToList());

        Assert.Contains("Site", error.Message, StringComparison.Ordinal);
    }
}
