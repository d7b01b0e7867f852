namespace SelfDrivingLab.Materials.Formulas;

/// <summary>A chemical formula that cannot be parsed; the message names the position and the problem.</summary>
public sealed class FormulaException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public FormulaException()
    {
        Formula = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public FormulaException(string message)
        : base(message)
    {
        Formula = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FormulaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Formula = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="formula"/>, pointing at <paramref name="position"/>.</summary>
    public FormulaException(string formula, int position, string problem)
        : base($"Invalid formula '{formula}' at position {position}: {problem}.")
    {
        Formula = formula;
        Position = position;
        Problem = problem;
    }

    /// <summary>The formula text that failed.</summary>
    public string Formula { get; }

    /// <summary>Zero-based index of the character where the problem was found (the text length for "ended early").</summary>
    public int Position { get; }

    /// <summary>What was wrong, without the position (e.g. <c>unknown element 'Xx'</c>).</summary>
    public string Problem { get; } = string.Empty;
}
