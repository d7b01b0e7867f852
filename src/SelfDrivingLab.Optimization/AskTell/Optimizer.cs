using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.AskTell;

/// <summary>
/// The ask/tell API: SelfDrivingLab's proposal engine (the same <see cref="IProposer"/> from <see cref="ProposerFactory"/>
/// that <c>sdl run</c> uses) for any .NET code that runs its own experiments.
/// <code>
/// var opt = Optimizer.Create(space, [new Objective("yield", ObjectiveGoal.Maximize)]);
/// foreach (var x in opt.Ask(4)) { opt.Tell(x, Measure(x)); }
/// </code>
/// <see cref="Ask"/> proposes experiments and remembers them as pending (the model treats them as running, so the next
/// ask proposes elsewhere) until <see cref="Tell(ParameterSet, double)"/> gives their result or <see cref="TellFailure"/>
/// says they failed (a feasibility model then learns where experiments fail). <see cref="AddPrior"/> adds earlier
/// measurements that train the model from the start and shrink the initial design. <see cref="ToJson"/> and
/// <see cref="FromJson"/> save and restore the whole state: a restored optimizer asks exactly what the original would.
/// Not thread-safe: give an optimizer one owner.
/// </summary>
public sealed class Optimizer
{
    private readonly SpaceEncoder _encoder;
    private readonly List<Observation> _prior;
    private readonly List<Observation> _observations;
    private readonly List<FailedObservation> _failures;
    private readonly List<ParameterSet> _pending;

    private Optimizer(SearchSpace space, IReadOnlyList<Objective> objectives, ProposerSettings settings, OptimizerMemory memory)
    {
        Space = space;
        Objectives = objectives;
        Settings = settings;
        _encoder = new SpaceEncoder(space);
        _prior = [.. memory.Prior];
        _observations = [.. memory.Observations];
        _failures = [.. memory.Failures];
        _pending = [.. memory.Pending];
        Asked = memory.Asked;

        // Fail now, naming the problem, rather than at the first ask.
        _ = ProposerFactory.Create(space, objectives, settings);
    }

    /// <summary>The search space.</summary>
    public SearchSpace Space { get; }

    /// <summary>The objectives, in the order of every value vector.</summary>
    public IReadOnlyList<Objective> Objectives { get; }

    /// <summary>The proposer settings (before prior data shrink the initial design).</summary>
    public ProposerSettings Settings { get; }

    /// <summary>How many experiments have been asked for so far.</summary>
    public int Asked { get; private set; }

    /// <summary>Experiments asked for and not yet told, oldest first.</summary>
    public IReadOnlyList<ParameterSet> Pending => _pending;

    /// <summary>Completed experiments told so far, in order (prior data not included).</summary>
    public IReadOnlyList<Observation> Observations => _observations;

    /// <summary>Failed experiments told so far, in order.</summary>
    public IReadOnlyList<FailedObservation> Failures => _failures;

    /// <summary>Prior data: earlier measurements that train the model (never pending, never counted as asked).</summary>
    public IReadOnlyList<Observation> Prior => _prior;

    /// <summary>
    /// An optimizer over <paramref name="space"/> for <paramref name="objectives"/> (one for plain optimization, two or
    /// more for a Pareto front). Throws <see cref="ArgumentException"/> naming an invalid objective or option.
    /// </summary>
    public static Optimizer Create(SearchSpace space, IReadOnlyList<Objective> objectives, OptimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objectives);
        CheckObjectives(objectives);
        var settings = (options ?? new OptimizerOptions()).ToSettings(space.Parameters.Count, objectives.Count);
        return new Optimizer(space, [.. objectives], settings, OptimizerMemory.Empty);
    }

    /// <summary>An optimizer with explicit proposer settings (a pool is not supported here: use <see cref="ProposerFactory"/>).</summary>
    public static Optimizer Create(SearchSpace space, IReadOnlyList<Objective> objectives, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(objectives);
        ArgumentNullException.ThrowIfNull(settings);
        CheckObjectives(objectives);
        if (settings.Pool is not null)
        {
            throw new ArgumentException("The ask/tell optimizer works over a search space; for a candidate pool use ProposerFactory with the pool.", nameof(settings));
        }

        return new Optimizer(space, [.. objectives], settings, OptimizerMemory.Empty);
    }

    /// <summary>
    /// Proposes up to <paramref name="count"/> experiments (fewer only when the space is exhausted) and records them as
    /// pending. Proposals depend only on the state (seed, prior, tells, pending, asks so far).
    /// </summary>
    public IReadOnlyList<ParameterSet> Ask(int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var proposer = ProposerFactory.Create(Space, Objectives, Settings.WithPrior(_prior.Count));
        var request = new ProposalRequest([.. _prior, .. _observations], [.. _pending], Asked, count) { Failed = [.. _failures] };
        var proposals = proposer.Propose(request, cancellationToken);
        var batch = proposals.Select(p => p.Parameters).ToList();
        _pending.AddRange(batch);
        Asked += batch.Count;
        return batch;
    }

    /// <summary>Tells the result of an experiment with one objective (its output's value, finite). Removes it from <see cref="Pending"/>.</summary>
    public void Tell(ParameterSet parameters, double value)
    {
        if (Objectives.Count != 1)
        {
            throw new ArgumentException(
                $"This optimizer has {Objectives.Count} objectives ({string.Join(", ", Objectives.Select(o => o.Output))}); tell a value for each by output name.",
                nameof(value));
        }

        Tell(parameters, new Dictionary<string, double>(StringComparer.Ordinal) { [Objectives[0].Output] = value });
    }

    /// <summary>
    /// Tells the result of an experiment: a finite value for every objective's output, by name (other outputs are
    /// kept too). Removes it from <see cref="Pending"/>; an experiment that was never asked for is welcome as well.
    /// </summary>
    public void Tell(ParameterSet parameters, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _observations.Add(ToObservation(parameters, values, nameof(values)));
        RemovePending(parameters);
    }

    /// <summary>
    /// Tells that an experiment failed (gave no usable result). It is never proposed again, and a feasibility model
    /// learns where experiments fail. Removes it from <see cref="Pending"/>.
    /// </summary>
    public void TellFailure(ParameterSet parameters, string? reason = null)
    {
        Validate(parameters);
        _failures.Add(new FailedObservation(parameters, reason));
        RemovePending(parameters);
    }

    /// <summary>Forgets a pending experiment that will never be told (e.g. it was cancelled before it ran).</summary>
    public bool Forget(ParameterSet parameters) => RemovePending(parameters);

    /// <summary>
    /// Adds an earlier measurement (a value for every objective's output, by name) that trains the model from the start;
    /// each one shrinks the initial design by one.
    /// </summary>
    public void AddPrior(ParameterSet parameters, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _prior.Add(ToObservation(parameters, values, nameof(values)));
    }

    /// <summary>
    /// With one objective, the told experiment the model believes best (robust to a lucky measurement); null with fewer
    /// than two results. With several objectives use <see cref="RecommendFront"/>.
    /// </summary>
    public RecommendedDesign? Recommend(CancellationToken cancellationToken = default)
    {
        if (Objectives.Count != 1)
        {
            throw new InvalidOperationException($"With {Objectives.Count} objectives there is no single best design; call RecommendFront.");
        }

        var proposer = ProposerFactory.Create(Space, Objectives[0], Settings.WithPrior(_prior.Count));
        return _observations.Count < 2 ? null : proposer.Recommend(_observations, cancellationToken);
    }

    /// <summary>With two or more objectives, the model-based Pareto set of the told experiments (indices into <see cref="Observations"/>).</summary>
    public IReadOnlyList<ParetoDesign> RecommendFront(CancellationToken cancellationToken = default)
    {
        if (ProposerFactory.Create(Space, Objectives, Settings.WithPrior(_prior.Count)) is not IMultiObjectiveProposer proposer)
        {
            throw new InvalidOperationException("With one objective call Recommend.");
        }

        return proposer.RecommendFront(_observations, cancellationToken);
    }

    /// <summary>The whole state as JSON (space, objectives, settings, prior, tells, pending, asks so far); see <see cref="FromJson"/>.</summary>
    public string ToJson() => OptimizerJson.Write(this);

    /// <summary>
    /// Restores an optimizer saved by <see cref="ToJson"/>; it asks exactly what the saved one would have. Throws
    /// <see cref="FormatException"/> naming what is wrong with the text.
    /// </summary>
    public static Optimizer FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var (space, objectives, settings, memory) = OptimizerJson.Read(json);
        try
        {
            return new Optimizer(space, objectives, settings, memory);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The optimizer state is not valid: {ex.Message}", ex);
        }
    }

    private static void CheckObjectives(IReadOnlyList<Objective> objectives)
    {
        if (objectives.Count == 0)
        {
            throw new ArgumentException("Give at least one objective.", nameof(objectives));
        }

        if (objectives.Select(o => o.Output).Distinct(StringComparer.Ordinal).Count() != objectives.Count)
        {
            throw new ArgumentException($"Each objective needs its own output (got {string.Join(", ", objectives.Select(o => o.Output))}).", nameof(objectives));
        }
    }

    private Observation ToObservation(ParameterSet parameters, IReadOnlyDictionary<string, double> values, string argument)
    {
        Validate(parameters);
        foreach (var objective in Objectives)
        {
            if (!values.TryGetValue(objective.Output, out var value))
            {
                throw new ArgumentException($"No value for objective output '{objective.Output}' (got {string.Join(", ", values.Keys)}).", argument);
            }

            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Objective output '{objective.Output}' must be a finite number (got {value}); tell a failure instead.", argument);
            }
        }

        var outputs = new ParameterSet(values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => new KeyValuePair<string, ParameterValue>(v.Key, v.Value)));
        return new Observation(parameters, values[Objectives[0].Output]) { Outputs = outputs };
    }

    private void Validate(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _encoder.Validate(parameters);
    }

    private bool RemovePending(ParameterSet parameters)
    {
        var index = _pending.IndexOf(parameters);
        if (index < 0)
        {
            return false;
        }

        _pending.RemoveAt(index);
        return true;
    }

    internal OptimizerMemory Memory => new(_prior, _observations, _failures, _pending, Asked);
}
