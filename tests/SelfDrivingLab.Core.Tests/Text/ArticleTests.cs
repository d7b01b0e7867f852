using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Core.Tests.Text;

public sealed class ArticleTests
{
    [Theory]
    [InlineData("acquisition kind", "an acquisition kind")]
    [InlineData("Aborted event", "an Aborted event")]
    [InlineData("ExperimentStatus", "an ExperimentStatus")]
    [InlineData("initial design kind", "an initial design kind")]
    [InlineData("goal", "a goal")]
    [InlineData("Completed event", "a Completed event")]
    [InlineData("unit", "a unit")]
    [InlineData("user", "a user")]
    [InlineData("hour", "an hour")]
    [InlineData("MQTT broker", "an MQTT broker")]
    [InlineData("UV-vis", "a UV-vis")]
    [InlineData("8×8 matrix", "an 8×8 matrix")]
    [InlineData("11-step plan", "an 11-step plan")]
    [InlineData("110-step plan", "a 110-step plan")]
    [InlineData("6×6 matrix", "a 6×6 matrix")]
    public void For_Phrase_ChoosesTheArticleByItsSound(string phrase, string expected) => Assert.Equal(expected, Article.For(phrase));
}
