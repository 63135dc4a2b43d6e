using System.Xml.Linq;
using Autograder.Reports.MathMl;

namespace Autograder.Reports.Tests.MathMl;

/// <summary>Spec cases: TeX in, the MathML fragment expected out (hand-written), every output well-formed XML.</summary>
public sealed class TexToMathMlTests
{
    [TestCase("x", "<mi>x</mi>")]
    [TestCase("12.5", "<mn>12.5</mn>")]
    [TestCase("a+b", "<mi>a</mi><mo>+</mo><mi>b</mi>")]
    [TestCase("p(w \\mid c)", "<mi>p</mi><mo>(</mo><mi>w</mi><mo>∣</mo><mi>c</mi><mo>)</mo>")]
    [TestCase("x_i", "<msub><mi>x</mi><mrow><mi>i</mi></mrow></msub>")]
    [TestCase("x^{2}", "<msup><mi>x</mi><mrow><mrow><mn>2</mn></mrow></mrow></msup>")]
    [TestCase("W_{ij}^2", "<msubsup><mi>W</mi><mrow><mrow><mi>i</mi><mi>j</mi></mrow></mrow><mrow><mn>2</mn></mrow></msubsup>")]
    [TestCase(@"\frac{a}{b}", "<mfrac><mrow><mrow><mi>a</mi></mrow></mrow><mrow><mrow><mi>b</mi></mrow></mrow></mfrac>")]
    [TestCase(@"\sqrt{d}", "<msqrt><mrow><mi>d</mi></mrow></msqrt>")]
    [TestCase(@"\alpha \cdot \partial", "<mi>α</mi><mo>⋅</mo><mi>∂</mi>")]
    [TestCase(@"\mathbb{R}^{n}", "<msup><mi>ℝ</mi><mrow><mrow><mi>n</mi></mrow></mrow></msup>")]
    [TestCase(@"\text{if } x", "<mtext>if </mtext><mi>x</mi>")]
    [TestCase(@"\log x", "<mi mathvariant=\"normal\">log</mi><mo>&#x2061;</mo><mi>x</mi>")]
    [TestCase(@"\left( x \right.", "<mo>(</mo><mi>x</mi>")]
    [TestCase(@"a < b", "<mi>a</mi><mo>&lt;</mo><mi>b</mi>")]
    [TestCase(@"f'", "<msup><mi>f</mi><mrow><mo>′</mo></mrow></msup>")]
    [TestCase(@"\hat{y}", "<mover accent=\"true\"><mrow><mrow><mi>y</mi></mrow></mrow><mo>^</mo></mover>")]
    [TestCase(@"769{,}930", "<mn>769,930</mn>")]
    [TestCase(@"a-b", "<mi>a</mi><mo>−</mo><mi>b</mi>")]
    [TestCase(@"\sum_{n}", "<munder><mo movablelimits=\"true\">∑</mo><mrow><mrow><mi>n</mi></mrow></mrow></munder>")]
    [TestCase(@"\max_j", "<munder><mo movablelimits=\"true\" lspace=\"0\" rspace=\"0\">max</mo><mrow><mi>j</mi></mrow></munder><mo>&#x2061;</mo>")]
    [TestCase(@"\log_2 x", "<msub><mi mathvariant=\"normal\">log</mi><mrow><mn>2</mn></mrow></msub><mo>&#x2061;</mo><mi>x</mi>")]
    public void Converts_to_the_expected_fragment(string tex, string expected) =>
        Assert.That(Body(TexToMathMl.Convert(tex, display: false)), Is.EqualTo(expected));

    [Test]
    public void The_fc_layer_gradient_derivation_is_well_formed_and_keeps_its_source()
    {
        const string tex = @"\frac{\partial L}{\partial W_{dm}} = \sum_{n} X_{nd} \frac{\partial L}{\partial Y_{nm}}, \quad dW = X^{\top} dY";
        var math = TexToMathMl.Convert(tex, display: true);
        var element = XElement.Parse(math);
        Assert.That(element.Attribute("display")?.Value, Is.EqualTo("block"));
        Assert.That(element.Descendants().Count(e => e.Name.LocalName == "mfrac"), Is.EqualTo(2));
        Assert.That(element.Descendants().Single(e => e.Name.LocalName == "annotation").Value, Is.EqualTo(tex));
        Assert.That(math, Does.Not.Contain("merror"));
    }

    [Test]
    public void An_unknown_command_is_shown_not_dropped_and_unbalanced_braces_do_not_throw()
    {
        Assert.That(Body(TexToMathMl.Convert(@"\foo x", display: false)), Is.EqualTo(@"<merror><mtext>\foo</mtext></merror><mi>x</mi>"));
        Assert.That(() => XElement.Parse(TexToMathMl.Convert(@"\frac{a}{b", display: false)), Throws.Nothing);
        Assert.That(() => XElement.Parse(TexToMathMl.Convert(@"x^", display: false)), Throws.Nothing);
    }

    [Test]
    public void Aligned_lines_become_a_table_with_relations_lined_up()
    {
        var body = Body(TexToMathMl.Convert(@"\begin{aligned} a &= b \\ c &= d \\ \end{aligned}", display: true));
        Assert.That(body, Is.EqualTo(
            "<mtable displaystyle=\"true\">"
            + "<mtr><mtd columnalign=\"right\" style=\"text-align:right\"><mrow><mi>a</mi></mrow></mtd><mtd columnalign=\"left\" style=\"text-align:left\"><mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr>"
            + "<mtr><mtd columnalign=\"right\" style=\"text-align:right\"><mrow><mi>c</mi></mrow></mtd><mtd columnalign=\"left\" style=\"text-align:left\"><mrow><mo>=</mo><mi>d</mi></mrow></mtd></mtr>"
            + "</mtable>"));
    }

    [Test]
    public void Matrices_and_cases_get_their_delimiters()
    {
        var matrix = Body(TexToMathMl.Convert(@"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix} x", display: false));
        Assert.That(matrix, Does.StartWith("<mrow><mo>(</mo><mtable><mtr>").And.EndWith("</mtable><mo>)</mo></mrow><mi>x</mi>"));
        Assert.That(matrix.Split("<mtd").Length - 1, Is.EqualTo(4));
        var cases = Body(TexToMathMl.Convert(@"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}", display: true));
        Assert.That(cases, Does.StartWith("<mrow><mo>{</mo><mtable><mtr>").And.Contain("<mtext>otherwise</mtext>"));
    }

    /// <summary>The inner row of the &lt;math&gt; element, serialized as the converter wrote it.</summary>
    private static string Body(string math)
    {
        var start = math.IndexOf("<mrow>", StringComparison.Ordinal) + "<mrow>".Length;
        var end = math.LastIndexOf("</mrow><annotation", StringComparison.Ordinal);
        Assert.That(() => XElement.Parse(math), Throws.Nothing, "well-formed XML");
        return math[start..end];
    }
}
