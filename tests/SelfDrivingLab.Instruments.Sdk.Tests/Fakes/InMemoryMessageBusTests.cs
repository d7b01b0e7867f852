namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

public sealed class InMemoryMessageBusTests
{
    [Theory]
    [InlineData("sdl/v1/lab/furnace/event", "sdl/v1/lab/furnace/event", true)]
    [InlineData("sdl/v1/+/+/event", "sdl/v1/lab/furnace/event", true)]
    [InlineData("sdl/v1/+/event", "sdl/v1/lab/furnace/event", false)]
    [InlineData("sdl/v1/#", "sdl/v1/lab/furnace/event", true)]
    [InlineData("sdl/v1/#", "sdl/v1", true)]
    [InlineData("sdl/#/event", "sdl/v1/lab/furnace/event", false)]
    [InlineData("sdl/v1/lab/furnace", "sdl/v1/lab/furnace/event", false)]
    [InlineData("sdl/v1/lab/furnace/event/x", "sdl/v1/lab/furnace/event", false)]
    public void Matches_TopicFilters_FollowMqttRules(string filter, string topic, bool expected) =>
        Assert.Equal(expected, InMemoryMessageBus.Matches(filter, topic));
}
