<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>GroupView</name>
    <message numerus="yes">
        <source>%n extra rule(s)</source>
        <translation>
            <numerusform>%n extra rule</numerusform>
            <numerusform>%n extra rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n present</source>
        <translation>
            <numerusform>%n present</numerusform>
            <numerusform>%n present</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Practice</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message numerus="yes">
        <source>Agreement with %1 on this attempt: %2 of %n competencies</source>
        <translation>
            <numerusform>Agreement with %1 on this attempt: %2 of %n competency</numerusform>
            <numerusform>Agreement with %1 on this attempt: %2 of %n competencies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cohen&apos;s kappa needs %n attempt(s) rated by both</source>
        <translation>
            <numerusform>Cohen&apos;s kappa needs %n attempt rated by both</numerusform>
            <numerusform>Cohen&apos;s kappa needs %n attempts rated by both</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n attempt(s): %2 agreement; %3</source>
        <translation>
            <numerusform>%1 over %n attempt: %2 agreement; %3</numerusform>
            <numerusform>%1 over %n attempts: %2 agreement; %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message numerus="yes">
        <source>%n problem(s) to fix before this scenario can be used.</source>
        <translation>
            <numerusform>%n problem to fix before this scenario can be used.</numerusform>
            <numerusform>%n problems to fix before this scenario can be used.</numerusform>
        </translation>
    </message>
</context>
</TS>
