using System.Globalization;
using SelfDrivingLab.Materials.Elements;

namespace SelfDrivingLab.Materials.Formulas;

/// <summary>Recursive-descent parser of one formula. Single use, not thread-safe.</summary>
internal sealed class FormulaParser(string text, ElementTable elements)
{
    private int _position;

    public Composition Parse()
    {
        SkipWhitespace();
        if (_position == text.Length)
        {
            throw Error(0, "the formula is empty");
        }

        var amounts = new List<KeyValuePair<string, double>>();
        ParseSequence(amounts, closing: null);
        return new Composition(amounts);
    }

    /// <summary>Parses items until the end of the text or the closing character of the enclosing group.</summary>
    private void ParseSequence(List<KeyValuePair<string, double>> amounts, char? closing)
    {
        while (true)
        {
            SkipWhitespace();
            if (_position == text.Length)
            {
                if (closing is { } expected)
                {
                    throw Error(_position, $"missing '{expected}' (unbalanced parentheses)");
                }

                return;
            }

            var c = text[_position];
            if (c == closing)
            {
                return;
            }

            if (c is ')' or ']')
            {
                throw Error(_position, closing is null ? $"unexpected '{c}' without a matching opening bracket" : $"'{c}' closes a group opened with '{(closing == ')' ? '(' : '[')}'");
            }

            if (c is '(' or '[')
            {
                ParseGroup(amounts, c == '(' ? ')' : ']');
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                ParseElement(amounts);
            }
            else if (char.IsAsciiDigit(c) || c == '.')
            {
                throw Error(_position, "a number must follow an element or a group (dangling number)");
            }
            else if (c == '-')
            {
                throw Error(_position, "amounts must be positive (negative amount)");
            }
            else
            {
                throw Error(_position, char.IsAsciiLetterLower(c) ? $"element symbols start with a capital letter (found '{c}')" : $"unexpected character '{c}'");
            }
        }
    }

    private void ParseGroup(List<KeyValuePair<string, double>> amounts, char closing)
    {
        var open = _position;
        _position++;
        var inner = new List<KeyValuePair<string, double>>();
        ParseSequence(inner, closing);
        if (inner.Count == 0)
        {
            throw Error(open, "empty group");
        }

        _position++;
        var multiplier = ParseAmount();
        foreach (var pair in inner)
        {
            Add(amounts, pair.Key, pair.Value * multiplier);
        }
    }

    private void ParseElement(List<KeyValuePair<string, double>> amounts)
    {
        var start = _position;
        _position++;
        if (_position < text.Length && char.IsAsciiLetterLower(text[_position]))
        {
            _position++;
        }

        var symbol = text[start.._position];
        if (!elements.TryGetAtomicNumber(symbol, out _))
        {
            throw Error(start, $"unknown element '{symbol}'");
        }

        Add(amounts, symbol, ParseAmount());
    }

    /// <summary>An optional positive decimal after an element or group; 1 when absent.</summary>
    private double ParseAmount()
    {
        SkipWhitespace();
        var start = _position;
        if (_position < text.Length && text[_position] == '-')
        {
            throw Error(_position, "amounts must be positive (negative amount)");
        }

        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
        {
            _position++;
        }

        if (_position == start)
        {
            return 1;
        }

        var token = text[start.._position];
        if (token.Count(ch => ch == '.') > 1 || token == "." || !double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw Error(start, $"'{token}' is not a number");
        }

        if (!(amount > 0) || !double.IsFinite(amount))
        {
            throw Error(start, $"amounts must be positive (got {token})");
        }

        return amount;
    }

    private static void Add(List<KeyValuePair<string, double>> amounts, string symbol, double amount)
    {
        var index = amounts.FindIndex(pair => pair.Key == symbol);
        if (index < 0)
        {
            amounts.Add(new(symbol, amount));
        }
        else
        {
            amounts[index] = new(symbol, amounts[index].Value + amount);
        }
    }

    private void SkipWhitespace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private FormulaException Error(int position, string problem) => new(text, position, problem);
}
