using TreatyWatch.Ingest.Cleaning;
using Xunit;

namespace TreatyWatch.Ingest.Tests.Cleaning;

public class CleaningEvaluationTests
{
    private static ExtractorScore Score(params (string Truth, string Predicted)[] pages)
    {
        var truth = pages.Select((p, i) => (i, p.Truth)).ToDictionary(x => x.i.ToString(), x => x.Truth);
        var predicted = pages.Select((p, i) => (i, p.Predicted)).ToDictionary(x => x.i.ToString(), x => x.Predicted);
        return CleaningEvaluation.Score("test", truth, predicted);
    }

    [Fact]
    public void IdenticalTexts_ScoreOne()
    {
        var s = Score(("The treaty was signed in Ottawa in 1997.", "The treaty was signed in Ottawa in 1997."));

        Assert.Equal((1.0, 1.0, 1.0, 1.0), (s.F1, s.Precision, s.Recall, s.Accuracy));
    }

    [Fact]
    public void DisjointTexts_ScoreZero()
    {
        var s = Score(("The treaty was signed in Ottawa in 1997.", "Sign up for our newsletter today and win."));

        Assert.Equal((0.0, 0.0, 0.0, 0.0), (s.F1, s.Precision, s.Recall, s.Accuracy));
    }

    [Fact]
    public void PunctuationAndSpacing_DoNotCount()
    {
        var s = Score(("One, two — three.\n\nFour five", "One two three Four five"));

        Assert.Equal(1.0, s.F1);
        Assert.Equal(1.0, s.Accuracy);
    }

    [Fact]
    public void Shingles_CountedWithMultiplicity()
    {
        // Truth has five 4-token shingles (abcd twice); the prediction one of them once.
        var m = CleaningEvaluation.Match("a b c d a b c d", "a b c d");

        Assert.Equal(1.0, m.Precision);
        Assert.Equal(0.2, m.Recall!.Value, 10);
        Assert.Equal(1.0, m.TruePositive + m.FalsePositive + m.FalseNegative, 10);
    }

    [Fact]
    public void ShortTexts_AreOneShingle()
    {
        Assert.Equal(1.0, CleaningEvaluation.Match("Ottawa 1997", "Ottawa, 1997!").Precision);
        Assert.Equal(0.0, CleaningEvaluation.Match("Ottawa 1997", "Ottawa").Precision);
    }

    [Fact]
    public void EmptyPrediction_LeftOutOfPrecision_CountsZeroRecall()
    {
        var s = Score(("The treaty was signed in Ottawa.", "The treaty was signed in Ottawa."), ("Another page entirely, with words.", ""));

        Assert.Equal(1.0, s.Precision);
        Assert.Equal(0.5, s.Recall);
        Assert.Equal(0.5, s.Accuracy);
    }

    [Fact]
    public void PrecisionAndRecall_AreMeansOverPages_F1FromTheMeans()
    {
        // Page 1: predicted half of truth plus nothing else (P 1, R 0.5); page 2: perfect.
        var s = Score(("a b c d e f g", "a b c d"), ("w x y z", "w x y z"));

        Assert.Equal(1.0, s.Precision);
        Assert.Equal((0.25 + 1) / 2, s.Recall, 10);
        Assert.Equal(2 * 1.0 * 0.625 / 1.625, s.F1, 10);
    }

    [Theory]
    [InlineData("naïve café", new[] { "naïve", "café" })]
    [InlineData("cafe\u0301s", new[] { "cafe", "s" })] // a combining accent splits a word, as in Python's \w
    [InlineData("x² ½ Ⅻ_1", new[] { "x²", "½", "Ⅻ_1" })] // other and letter numbers are word characters
    [InlineData("東京 2025年", new[] { "東京", "2025年" })]
    [InlineData("don't stop—now", new[] { "don", "t", "stop", "now" })]
    public void Tokens_MatchPythonWordCharacters(string text, string[] tokens) =>
        Assert.Equal(tokens, CleaningEvaluation.Tokenize(text));
}
