/**
 * What `petrov init` writes: a minimal two-actor scenario that validates, every field commented,
 * to copy and change. Its numbers are placeholders, marked as assumptions.
 */
export const STARTER_SCENARIO = `# yaml-language-server: $schema=./petrov.schema.json
# A Petrov scenario (docs/scenario-reference.md lists every field and its default).
# The line above lets editors with the YAML language server complete and check fields once
# \`petrov schema > petrov.schema.json\` has written the schema beside this file.
# Check it:  petrov validate FILE      See every default:  petrov resolve FILE
# Run it:    petrov run FILE           Try a change:       petrov run FILE --set horizonDays=60
name: My crisis (stylized)
description: >-
  Two sides in a month-long crisis. Blue uses an AI to classify ballistic warnings and acts on
  them with a human on the loop; Red keeps a human in the loop and no AI.
horizonDays: 30 # length of one simulated crisis, days (assumption)
actors:
  blue:
    label: Blue
    tracks: # what blue's sensors report, tracks per day (assumption)
      ballistic: { genuine: 0, benign: 0.05, falseAlarm: 0.05 }
    ai:
      domains: [ballistic] # the AI labels ballistic tracks; other domains use the legacy chain
      falsePositive: { ballistic: 0.02 } # P(labelled hostile | not hostile) (assumption)
    authority:
      mode: human_on_the_loop # the action goes ahead unless a human vetoes in time
      vetoWindowMinutes: 2
    human:
      catchProbability: 0.9 # P(a human rejects a wrong hostile label) with time (assumption)
      automationBias: 0.3 # share of those catches lost to deference to the AI (assumption)
    responses: { ballistic: limited_nuclear_use } # the rung it moves to when it acts
  red:
    label: Red
    tracks:
      ballistic: { genuine: 0, benign: 0.05, falseAlarm: 0.02 } # (assumption)
    authority:
      mode: human_in_the_loop # a human must approve any action
    human:
      catchProbability: 0.95 # (assumption)
    responses: { ballistic: nuclear_alert }
`;
