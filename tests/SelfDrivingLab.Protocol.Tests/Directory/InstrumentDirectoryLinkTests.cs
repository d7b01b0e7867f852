using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Tests.Directory;

/// <summary>Issue 14: the directory follows the bridges' retained link notifications (Mosquitto's notification_topic).</summary>
public sealed class InstrumentDirectoryLinkTests
{
    private static readonly SiteId A = new("lab-a");
    private static readonly SiteId B = new("lab-b");

    [Fact]
    public async Task LinkBetween_NotificationsInEitherDirection_FollowTheLatest()
    {
        await using var live = await LiveBus.StartAsync();
        await using var directory = new InstrumentDirectory();
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));
        var bridge = await live.ConnectAsync("bridge");
        Assert.Null(directory.LinkBetween(A, B));

        var changed = directory.NextChange;
        await bridge.PublishAsync(Link(new SiteLinkTopics(A, B), "0"));
        await changed.WaitAsync(LiveBus.Bound);
        Assert.False(directory.LinkBetween(A, B));
        Assert.False(directory.LinkBetween(B, A));

        changed = directory.NextChange;
        await bridge.PublishAsync(Link(new SiteLinkTopics(A, B), "1"));
        await changed.WaitAsync(LiveBus.Bound);
        Assert.True(directory.LinkBetween(B, A));
    }

    [Fact]
    public async Task LinkCameUp_LinkGoesUpDownAndUpAgain_RaisedOnEachReturnOnly()
    {
        await using var live = await LiveBus.StartAsync();
        await using var directory = new InstrumentDirectory();
        var raised = new List<SiteLinkTopics>();
        directory.LinkCameUp += link => { lock (raised) { raised.Add(link); } };
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));
        var bridge = await live.ConnectAsync("bridge");

        foreach (var state in new[] { "1", "1", "0", "1" })
        {
            var changed = directory.NextChange;
            await bridge.PublishAsync(Link(new SiteLinkTopics(A, B), state));
            await changed.WaitAsync(LiveBus.Bound);
        }

        lock (raised)
        {
            Assert.Equal([new SiteLinkTopics(A, B), new SiteLinkTopics(A, B)], raised);
        }
    }

    [Fact]
    public async Task LinkBetween_MalformedNotification_IsDroppedAndCounted()
    {
        await using var live = await LiveBus.StartAsync();
        var rejections = new InboundRejectionCounter();
        await using var directory = new InstrumentDirectory(rejections: rejections);
        await directory.StartAsync(await live.ConnectAsync("orchestrator"));
        var bridge = await live.ConnectAsync("bridge");

        await bridge.PublishAsync(Link(new SiteLinkTopics(A, B), "up"));
        var changed = directory.NextChange;
        await bridge.PublishAsync(Link(new SiteLinkTopics(B, A), "0"));
        await changed.WaitAsync(LiveBus.Bound);

        Assert.Equal(1, rejections.Total);
        Assert.False(directory.LinkBetween(A, B));
    }

    [Theory]
    [InlineData("sdl/v1/link/lab-a/lab-b", true)]
    [InlineData("sdl/v1/link/lab-a", false)]
    [InlineData("sdl/v1/link/lab-a/lab-b/extra", false)]
    [InlineData("sdl/v1/lab-a/link/lab-b", false)]
    public void TryParse_Topic_AcceptsOnlyTheLinkShape(string topic, bool valid)
    {
        Assert.Equal(valid, SiteLinkTopics.TryParse(topic, out var link));
        Assert.Equal(valid ? new SiteLinkTopics(A, B) : null, link);
    }

    private static OutboundMessage Link(SiteLinkTopics link, string state) => new(link.Topic, Encoding.ASCII.GetBytes(state), Retain: true);
}
