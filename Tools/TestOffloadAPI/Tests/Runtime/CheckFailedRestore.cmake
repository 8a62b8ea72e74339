# Runs the engine runner with a restore made to fail (--fail-restore) and checks that the program went on where it
# was: its whole output equals the test's baseline, the runner said it continued locally (TEXT on standard error),
# and it exits with 2, a migration that failed.
execute_process(COMMAND ${RUNNER} ${MODE} --fail-restore=${MIGRATION} ${TEST}
    OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE status)
file(READ ${EXPECTED} expected)
if(NOT output STREQUAL expected)
    message(FATAL_ERROR "The output differs from ${EXPECTED}:\n--- output ---\n${output}\n--- standard error ---\n${errors}")
endif()
string(FIND "${errors}" "${TEXT}" position)
if(position EQUAL -1)
    message(FATAL_ERROR "Standard error does not say '${TEXT}':\n${errors}")
endif()
if(NOT status EQUAL 2)
    message(FATAL_ERROR "Exit status ${status}, expected 2 (a failed migration):\n${errors}")
endif()
message(STATUS "${errors}")
