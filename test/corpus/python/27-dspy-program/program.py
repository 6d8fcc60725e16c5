import dspy

lm = dspy.LM("openai/gpt-4o-mini", timeout=30)
dspy.configure(lm=lm)


class TriageSignature(dspy.Signature):
    """Decide the severity of an incident report."""

    report: str = dspy.InputField()
    severity: str = dspy.OutputField(desc="one of sev1, sev2, sev3")


triage = dspy.ChainOfThought(TriageSignature)
