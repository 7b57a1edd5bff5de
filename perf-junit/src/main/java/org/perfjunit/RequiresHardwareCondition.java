package org.perfjunit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.extension.HardwareGate;

/**
 * Implements {@link RequiresHardware}. The condition only disables (skip mode); errors (unknown
 * names, crashing probes, bad configuration) and fail-mode failures are thrown from the
 * before-callbacks instead, because JUnit would wrap an exception thrown by a condition in a
 * generic "Failed to evaluate condition" error. Each context checks only its own element's
 * annotations: the class in its container context, the method in the method's. A thin adapter of
 * {@link HardwareGate}.
 */
final class RequiresHardwareCondition implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        HardwareGate gate = HardwareGate.of(context, context.getElement().orElse(null));
        return gate.skips() ? ConditionEvaluationResult.disabled(gate.message())
                : ConditionEvaluationResult.enabled(gate.message());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        HardwareGate.of(context, context.getRequiredTestClass()).enforce();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HardwareGate.of(context, context.getRequiredTestMethod()).enforce();
    }
}
