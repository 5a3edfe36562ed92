namespace Precis.Cleaning;

/// <summary>
/// The first two characters a match of a regular expression can start with, read from the pattern text,
/// so a list of line patterns turns most lines away on their first two characters without starting the
/// regex engine (which costs about 170 ns per line and list even when it rejects the line at once).
/// Letters are compared case-insensitively. The analysis is conservative: a construct it does not model
/// (lookarounds, <c>\p{…}</c>, unknown escapes) allows everything, and a line that opens with a non-ASCII
/// character always goes to the regex, where case-insensitive matching of non-ASCII letters is the
/// engine's business.
/// </summary>
internal sealed class LeadingChars
{
    private const int Ascii = 128;

    /// <summary>For each first character (ASCII, letters lower-cased): can a one-character match open the line?</summary>
    private readonly bool[] _single = new bool[Ascii];

    /// <summary>For each first and second character, at first * 128 + second: can a match open the line?</summary>
    private readonly bool[] _pair = new bool[Ascii * Ascii];

    private LeadingChars(Openings openings)
    {
        for (int first = 0; first < Ascii; first++)
        {
            _single[first] = Openings.Has(openings.Ones, first);
            for (int second = 0; second < Ascii; second++)
                _pair[first * Ascii + second] = _single[first] || (openings.Twos is { } twos && Openings.Has(twos[first], second));
        }
    }

    /// <summary>For a pattern matched from a line's start, its opening characters; null when any line may match.</summary>
    public static LeadingChars? Of(string pattern)
    {
        int at = 0;
        var openings = Openings.Alternation(pattern, ref at);
        return openings.Empty || at != pattern.Length ? null : new LeadingChars(openings);
    }

    /// <summary>False when no match of the pattern can open <paramref name="line"/>; true when one may.</summary>
    public bool MayOpen(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return false;
        int first = Openings.Fold(line[0]);
        if (first >= Ascii) return true;
        if (line.Length == 1) return _single[first];
        int second = Openings.Fold(line[1]);
        return second >= Ascii || _pair[first * Ascii + second];
    }

    /// <summary>
    /// The set of ways a pattern's matches open, as far as two characters: whether a match can be empty,
    /// the one-character matches, and the first two characters of longer ones. Matches that open with a
    /// non-ASCII character are not kept: such a line goes to the regex anyway.
    /// </summary>
    private sealed class Openings
    {
        /// <summary>Can a match be empty?</summary>
        public bool Empty;

        /// <summary>Whole matches one (ASCII) character long, as a bit set.</summary>
        public CharBits Ones;

        /// <summary>For each first character, the set of second ones of longer matches; null while there are none.</summary>
        public CharBits[]? Twos;

        /// <summary>No match is shorter than two characters: whatever follows cannot change the openings.</summary>
        private bool Closed => !Empty && Ones == default(CharBits);

        private CharBits[] TwosArray => Twos ??= new CharBits[Ascii];

        public static bool Has(CharBits set, int c) => set.Has(c);

        private static CharBits Bit(int c) => CharBits.Of(c);

        public static int Fold(char c) => char.IsAsciiLetterUpper(c) ? c | 0x20 : c;

        /// <summary>Only the empty match (an anchor, or nothing yet).</summary>
        private static Openings EmptyMatch() => new() { Empty = true };

        private static Openings Anything()
        {
            var set = EmptyMatch();
            set.Ones = CharBits.All;
            Array.Fill(set.TwosArray, CharBits.All);
            return set;
        }

        private void UnionWith(Openings other)
        {
            Empty |= other.Empty;
            Ones |= other.Ones;
            if (other.Twos is null) return;
            var twos = TwosArray;
            for (int i = 0; i < Ascii; i++) twos[i] |= other.Twos[i];
        }

        /// <summary>The openings of a match of this followed by a match of <paramref name="next"/>.</summary>
        private Openings Then(Openings next)
        {
            if (Closed) return this;
            var result = new Openings { Empty = Empty && next.Empty };
            var nextFirst = next.Ones;
            if (next.Twos is not null)
            {
                for (int i = 0; i < Ascii; i++)
                    if (next.Twos[i] != default(CharBits)) nextFirst |= Bit(i);
            }
            if (Twos is not null) Array.Copy(Twos, result.TwosArray, Ascii);
            if (next.Empty) result.Ones |= Ones;
            if (Empty) result.Ones |= next.Ones;
            for (int a = 0; a < Ascii; a++)
                if (Has(Ones, a)) result.TwosArray[a] |= nextFirst;
            if (Empty && next.Twos is not null)
                for (int i = 0; i < Ascii; i++) result.TwosArray[i] |= next.Twos[i];
            return result;
        }

        /// <summary>
        /// Between <paramref name="min"/> and <paramref name="max"/> (null: no limit) repetitions. Two
        /// characters are all that is kept, so two repetitions stand for any larger number (a superset).
        /// </summary>
        private Openings Repeat(int min, int? max)
        {
            var result = EmptyMatch();
            for (int i = 0; i < Math.Min(min, 2); i++) result = result.Then(this);
            if (max is null || max > min)
            {
                var more = EmptyMatch();
                more.UnionWith(this);
                more.UnionWith(Then(this));
                result = result.Then(more);
            }
            return result;
        }

        /// <summary>Alternatives up to an unmatched ')' or the end.</summary>
        public static Openings Alternation(string p, ref int at)
        {
            var set = Sequence(p, ref at);
            while (at < p.Length && p[at] == '|')
            {
                at++;
                set.UnionWith(Sequence(p, ref at));
            }
            return set;
        }

        private static Openings Sequence(string p, ref int at)
        {
            var set = EmptyMatch();
            while (at < p.Length && p[at] is not ('|' or ')'))
            {
                var atom = Atom(p, ref at);
                // Once every match is two characters long, the rest of the sequence is only parsed past.
                bool open = !set.Closed;
                atom = Quantified(atom, p, ref at, open);
                if (open) set = set.Then(atom);
            }
            return set;
        }

        /// <summary>Applies a quantifier after an atom, if there is one (only steps past it unless <paramref name="apply"/>).</summary>
        private static Openings Quantified(Openings atom, string p, ref int at, bool apply)
        {
            if (at >= p.Length) return atom;
            Openings result;
            switch (p[at])
            {
                case '?':
                    result = apply ? atom.Repeat(0, 1) : atom;
                    at++;
                    break;
                case '*':
                    result = apply ? atom.Repeat(0, null) : atom;
                    at++;
                    break;
                case '+':
                    result = apply ? atom.Repeat(1, null) : atom;
                    at++;
                    break;
                case '{' when Count(p, at, out int min, out int? max, out int close):
                    result = apply ? atom.Repeat(min, max) : atom;
                    at = close + 1;
                    break;
                default:
                    return atom;
            }
            if (at < p.Length && p[at] is '?' or '+') at++;
            return result;
        }

        /// <summary>"{m}", "{m,}" or "{m,n}" at <paramref name="at"/>.</summary>
        private static bool Count(string p, int at, out int min, out int? max, out int close)
        {
            max = null;
            min = 0;
            close = p.IndexOf('}', at);
            if (close < 0) return false;
            string inside = p.Substring(at + 1, close - at - 1);
            int comma = inside.IndexOf(',');
            if (!int.TryParse(comma < 0 ? inside : inside[..comma], out min)) return false;
            if (comma < 0)
            {
                max = min;
                return true;
            }
            string high = inside[(comma + 1)..];
            if (high.Length == 0) return true;
            if (!int.TryParse(high, out int upper)) return false;
            max = upper;
            return true;
        }

        private static Openings Atom(string p, ref int at)
        {
            char c = p[at++];
            switch (c)
            {
                case '(':
                    if (at < p.Length && p[at] == '?' && !SkipGroupPrefix(p, ref at)) return SkipGroup(p, ref at);
                    var group = Alternation(p, ref at);
                    if (at < p.Length && p[at] == ')') at++;
                    return group;
                case '[':
                    return Class(p, ref at);
                case '\\':
                    return Escape(p, ref at);
                case '^' or '$':
                    return EmptyMatch();
                case '.':
                    return One(CharBits.All);
                default:
                    return One(Folded(c));
            }
        }

        /// <summary>Steps over "?:", "?i:" or "?&lt;name&gt;" and returns true; false for other group kinds (lookarounds, conditionals).</summary>
        private static bool SkipGroupPrefix(string p, ref int at)
        {
            string rest = p[(at + 1)..];
            if (rest.Length > 1 && rest[0] == '<' && rest[1] is not ('=' or '!'))
            {
                at = p.IndexOf('>', at) + 1;
                return at > 0;
            }
            int colon = rest.IndexOf(':');
            if (colon < 0) return false;
            for (int k = 0; k < colon; k++)
                if ("imnsx-".IndexOf(rest[k]) < 0) return false;
            at += 1 + colon + 1;
            return true;
        }

        /// <summary>A group that is not modelled: it may match anything; skips to its end.</summary>
        private static Openings SkipGroup(string p, ref int at)
        {
            int depth = 1;
            while (at < p.Length && depth > 0)
            {
                if (p[at] == '\\') at++;
                else if (p[at] == '(') depth++;
                else if (p[at] == ')') depth--;
                at++;
            }
            return Anything();
        }

        /// <summary>A character class after its '['.</summary>
        private static Openings Class(string p, ref int at)
        {
            var members = default(CharBits);
            bool negated = at < p.Length && p[at] == '^';
            if (negated) at++;
            bool firstMember = true;
            while (at < p.Length && (p[at] != ']' || firstMember))
            {
                firstMember = false;
                char c = p[at++];
                if (c == '\\')
                {
                    if (at < p.Length && p[at] == 'b') { c = '\b'; at++; }
                    else if (at < p.Length && IsLiteralEscape(p[at])) c = p[at++];
                    else
                    {
                        members |= Escape(p, ref at).Ones;
                        continue;
                    }
                }
                char to = c;
                if (at + 1 < p.Length && p[at] == '-' && p[at + 1] != ']')
                {
                    to = p[at + 1];
                    at += 2;
                    if (to == '\\') to = char.MaxValue;
                }
                for (int x = c; x <= to; x++) members |= Folded((char)x);
            }
            at++;
            // A negated class: everything it does not list (letters in either case, to stay on the safe side).
            if (negated) members = ~members | Chars(char.IsAsciiLetter);
            return new Openings { Ones = members };
        }

        /// <summary>An escape after its '\'.</summary>
        private static Openings Escape(string p, ref int at)
        {
            char e = p[at++];
            switch (e)
            {
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return EmptyMatch();
                case 'd':
                    return One(Chars(char.IsAsciiDigit));
                case 'w':
                    return One(Chars(x => char.IsAsciiLetterOrDigit(x) || x == '_'));
                case 's':
                    return One(Chars(char.IsWhiteSpace));
                default:
                    if (IsLiteralEscape(e)) return One(Folded(e));
                    // \p{…}, \D, \W, \S, \t, \u… and the rest: not modelled.
                    if (e is 'p' or 'P' && at < p.Length && p[at] == '{') at = p.IndexOf('}', at) + 1;
                    return One(CharBits.All);
            }
        }

        /// <summary>An escaped punctuation character stands for itself ("\(", "\.", "\+").</summary>
        private static bool IsLiteralEscape(char e) => e < Ascii && !char.IsAsciiLetterOrDigit(e);

        private static Openings One(CharBits chars) => new() { Ones = chars };

        /// <summary>The ASCII characters that <paramref name="member"/> accepts.</summary>
        private static CharBits Chars(Func<char, bool> member)
        {
            var set = default(CharBits);
            for (char c = '\0'; c < Ascii; c++)
                if (member(c)) set |= Bit(c);
            return set;
        }

        /// <summary>
        /// A pattern character as the ASCII characters it stands for, folded the way <see cref="Fold"/> folds
        /// the line's. A non-ASCII character may match an ASCII one under case folding (Kelvin sign and 'k').
        /// </summary>
        private static CharBits Folded(char c)
        {
            if (c < Ascii) return Bit(Fold(c));
            char lower = char.ToLowerInvariant(c), upper = char.ToUpperInvariant(c);
            var set = default(CharBits);
            if (lower < Ascii) set |= Bit(Fold(lower));
            if (upper < Ascii) set |= Bit(Fold(upper));
            return set;
        }
    }

    /// <summary>
    /// A set of ASCII characters as two 64-bit words (<see cref="UInt128"/> would do, but code that uses it is
    /// not precompiled into the ReadyToRun image, so it would be compiled at every start-up).
    /// </summary>
    private readonly record struct CharBits(ulong Low, ulong High)
    {
        public static CharBits All => new(ulong.MaxValue, ulong.MaxValue);

        public static CharBits Of(int c) => c < 64 ? new(1UL << c, 0) : new(0, 1UL << (c - 64));

        public bool Has(int c) => ((c < 64 ? Low >> c : High >> (c - 64)) & 1) != 0;

        public static CharBits operator |(CharBits a, CharBits b) => new(a.Low | b.Low, a.High | b.High);

        public static CharBits operator ~(CharBits a) => new(~a.Low, ~a.High);
    }
}
