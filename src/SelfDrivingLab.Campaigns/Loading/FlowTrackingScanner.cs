using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Passes YamlDotNet's tokens through, remembering where each still-open flow collection (<c>[</c> or
/// <c>{</c>) began: YamlDotNet reports some unclosed brackets without any position, and the opening
/// bracket is where the user has to look. Not thread-safe (one parse).
/// </summary>
internal sealed class FlowTrackingScanner(IScanner inner) : IScanner
{
    private readonly Stack<(char Bracket, Mark At)> _open = new();

    /// <summary>The innermost flow collection opened and not closed so far, if any.</summary>
    public (char Bracket, Mark At)? InnermostOpen => _open.Count > 0 ? _open.Peek() : null;

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    public bool MoveNext() => Track(inner.MoveNext());

    public bool MoveNextWithoutConsuming() => Track(inner.MoveNextWithoutConsuming());

    public void ConsumeCurrent() => inner.ConsumeCurrent();

    private bool Track(bool moved)
    {
        switch (inner.Current)
        {
            case FlowSequenceStart start:
                _open.Push(('[', start.Start));
                break;
            case FlowMappingStart start:
                _open.Push(('{', start.Start));
                break;
            // A bracket of the other kind closes nothing: the one left open is what the user must fix.
            case FlowSequenceEnd when _open.TryPeek(out var top) && top.Bracket == '[':
            case FlowMappingEnd when _open.TryPeek(out top) && top.Bracket == '{':
                _open.Pop();
                break;
        }

        return moved;
    }
}
