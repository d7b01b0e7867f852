using SelfDrivingLab.Dashboard.Live;

namespace SelfDrivingLab.Dashboard.Tests.Live;

public sealed class ViewFeedTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Publish_SameJsonTwice_OnlyTheFirstIsAChange()
    {
        var feed = new ViewFeed();

        Assert.Equal(1, feed.Publish("{\"a\":1}"));
        Assert.Null(feed.Publish("{\"a\":1}"));
        Assert.Equal(2, feed.Publish("{\"a\":2}"));
        Assert.Equal(new PublishedView(2, "{\"a\":2}"), feed.Current);
    }

    [Fact]
    public async Task NextAsync_NothingNewer_WaitsForThePublishAfterIt()
    {
        var feed = new ViewFeed();
        feed.Publish("one");

        var seen = await feed.NextAsync(0, CancellationToken.None).WaitAsync(Bound);
        var next = feed.NextAsync(seen.Version, CancellationToken.None);
        Assert.False(next.IsCompleted);
        feed.Publish("two");

        Assert.Equal(new PublishedView(2, "two"), await next.WaitAsync(Bound));
    }
}
